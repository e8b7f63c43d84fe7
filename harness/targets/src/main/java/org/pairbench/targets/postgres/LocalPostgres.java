package org.pairbench.targets.postgres;

import static org.pairbench.targets.postgres.PostgresConventions.ADMIN_DATABASE;
import static org.pairbench.targets.postgres.PostgresConventions.DATABASE;
import static org.pairbench.targets.postgres.PostgresConventions.HOST;
import static org.pairbench.targets.postgres.PostgresConventions.SESSIONS_SQL;
import static org.pairbench.targets.postgres.PostgresConventions.USER;
import static org.pairbench.targets.postgres.PostgresConventions.VERSION_SQL;
import static org.pairbench.targets.postgres.PostgresConventions.initdbOptions;
import static org.pairbench.targets.postgres.PostgresConventions.parseCount;
import static org.pairbench.targets.postgres.PostgresConventions.parseVersion;
import static org.pairbench.targets.postgres.PostgresConventions.requireMaxConnections;
import static org.pairbench.targets.postgres.PostgresConventions.requireSessionCounts;
import static org.pairbench.targets.postgres.PostgresConventions.serverArgs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.LogTail;
import org.pairbench.targets.LoopbackPorts;
import org.pairbench.targets.ProcessRecord;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;
import org.pairbench.targets.local.ProcStat;

/**
 * A throwaway PostgreSQL cluster for one workload, the local runtime's: {@code initdb} into a new directory under
 * the run's work directory, {@code postgres} on a free port of 127.0.0.1, database
 * {@value PostgresConventions#DATABASE} owned by superuser {@value PostgresConventions#USER}, then a fast shutdown
 * and the directory deleted. How the server is set up and questioned (initdb options, server arguments, the
 * sessions query, the DSN) is {@link PostgresConventions}, shared with the docker runtime; this class is the
 * cluster's lifecycle.
 *
 * <p>What it is, and why:
 * <ul>
 *   <li>Programs from {@link PostgresBinaries} (Debian's {@code /usr/lib/postgresql/VERSION/bin} on this project's
 *       machines); missing ones give a one-line error that names {@code apt-get install postgresql}.</li>
 *   <li>Started behind the caller's launch prefix ({@code taskset -c CPUS} from the local runtime), so the server
 *       and every backend it forks stay on those CPUs.</li>
 *   <li>{@code initdb --auth=scram-sha-256 --pwfile=FILE}: every connection, TCP or Unix socket, must give the
 *       password, generated per cluster ({@link PostgresPassword}) and handed to psql and the targets in
 *       {@code PGPASSWORD}; no {@code trust} line lets another local user in.</li>
 *   <li>As root, initdb and the server run as an unprivileged account ({@link ServiceAccount}: {@code postgres}
 *       or {@code PAIRBENCH_PG_USER}, through {@code setpriv}), which owns the cluster's directory. When that
 *       account cannot reach the work directory (one under {@code /root}, say), the cluster goes under the
 *       system temp directory instead, and progress says so.</li>
 *   <li>The server's own output goes to {@link #logFile()} in the cluster's directory (deleted with it).</li>
 *   <li>It dies with the harness: {@code setpriv --pdeathsig KILL} (in the local runtime's launch prefix, and
 *       again in the setpriv call that switches the account, which clears it); its pid and directory go into the
 *       run's {@link ProcessRecord}, from which the next run removes them if the harness was killed.</li>
 * </ul>
 *
 * <p>{@link #sessionsOpened()} reads {@link PostgresConventions#SESSIONS_SQL}: every session a client opened in
 * the workloads' database since the cluster started. A backend publishes its session at its first idle moment
 * after connecting (or, when the statistics lock is busy, within 10 s, and always at exit).
 *
 * <p>Threading: {@link #start} on one thread; the accessors and {@link #sessionsOpened()} from any; {@link #close()}
 * from any thread, at most once effective (a shutdown hook may call it while the runner does too).
 */
public final class LocalPostgres implements DatabaseService {
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PSQL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 15;

    private final PostgresBinaries binaries;
    private final Path clusterDir;
    private final Path logFile;
    private final int port;
    private final Process server;
    private final String password;
    private final ProcessRecord record;
    private final Consumer<String> progress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int versionNum;
    private volatile String version = "";

    private LocalPostgres(PostgresBinaries binaries, Path clusterDir, Path logFile, int port, Process server,
                          String password, ProcessRecord record, Consumer<String> progress) {
        this.binaries = binaries;
        this.password = password;
        this.record = record;
        this.clusterDir = clusterDir;
        this.logFile = logFile;
        this.port = port;
        this.server = server;
        this.progress = progress;
    }

    /**
     * Creates and starts a cluster, and creates database {@value PostgresConventions#DATABASE}. Returns once it
     * accepts connections.
     *
     * @param workDir        where the cluster's directory is created (a new {@code postgres-*} directory in it)
     * @param launchPrefix   what the server's command line starts with, e.g. {@code taskset -c 1}; empty: not
     *                       pinned
     * @param maxConnections the server's {@code max_connections}, from
     *                       {@value PostgresConventions#MIN_CONNECTIONS}
     * @param progress       receives one-line messages (where the cluster went)
     * @throws TargetException PostgreSQL missing (the message says what to install), or a failed start (with the
     *                         server's last log lines); nothing is left running or on disk then
     */
    public static LocalPostgres start(Path workDir, List<String> launchPrefix, int maxConnections,
                                      Consumer<String> progress)
            throws TargetException {
        return start(workDir, launchPrefix, maxConnections, progress, ProcessRecord.NONE);
    }

    /** As above; the server and the cluster's directory are written down in {@code record} for the next run. */
    public static LocalPostgres start(Path workDir, List<String> launchPrefix, int maxConnections,
                                      Consumer<String> progress, ProcessRecord record) throws TargetException {
        requireMaxConnections(maxConnections);
        PostgresBinaries binaries = PostgresBinaries.discover();
        ServiceAccount account = ServiceAccount.forThisProcess(System.getenv());
        Path clusterDir = createClusterDir(workDir, account, progress);
        record.directory(clusterDir);
        String password = PostgresPassword.generate();
        LocalPostgres started = null;
        try {
            Path dataDir = clusterDir.resolve("data");
            initdb(binaries, account, clusterDir, dataDir, password);
            Path logFile = clusterDir.resolve("postgres.log");
            for (int attempt = 1; ; attempt++) {
                int port = LoopbackPorts.freePort(LoopbackPorts.requireLoopback(HOST));
                List<String> argv = new ArrayList<>(launchPrefix);
                argv.addAll(account.serverLauncher()); // dies with the harness, even on SIGKILL
                argv.addAll(serverArgs(binaries.postgres(), dataDir, port, maxConnections));
                long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
                Process server = spawn(argv, logFile);
                record.process(server.pid(), "postgres");
                started = new LocalPostgres(binaries, clusterDir, logFile, port, server, password, record, progress);
                if (started.awaitReady()) {
                    break;
                }
                List<String> tail = started.logTail(logOffset);
                started.stopServer();
                started = null;
                boolean portTaken = tail.stream().anyMatch(l -> l.contains("could not bind")
                        || l.contains("Address already in use"));
                if (!portTaken || attempt == PORT_ATTEMPTS) {
                    throw new TargetException("PostgreSQL exited at start-up with code " + server.exitValue()
                            + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)), server.exitValue(), tail,
                            null);
                }
                // another program took the port between our check and the server's bind: try another one
            }
            started.psql(ADMIN_DATABASE, "CREATE DATABASE " + DATABASE);
            started.readVersion();
            return started;
        } catch (IOException e) {
            discard(started, clusterDir, record);
            throw new TargetException("cannot start PostgreSQL in " + clusterDir + ": " + e.getMessage(), null,
                    List.of(), e);
        } catch (TargetException | RuntimeException e) {
            discard(started, clusterDir, record);
            throw e;
        }
    }

    /** After a failed start: nothing left running, nothing left on disk. */
    private static void discard(LocalPostgres started, Path clusterDir, ProcessRecord record) {
        if (started != null) {
            started.close();
        } else {
            deleteQuietly(clusterDir);
            if (!Files.exists(clusterDir)) {
                record.removed(clusterDir);
            }
        }
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String database() {
        return DATABASE;
    }

    /** {@code postgresql://pairbench@127.0.0.1:PORT/pairbench}: the password is {@link #password()}. */
    @Override
    public String dsn() {
        return PostgresConventions.dsn(port);
    }

    /** The superuser's generated password (scram-sha-256 authentication). */
    @Override
    public String password() {
        return password;
    }

    /** The server's version, e.g. {@code 15.18 (Debian 15.18-0+deb12u1)}. */
    @Override
    public String version() {
        return version;
    }

    /** The postmaster's process tree from {@code /proc}, backends included. */
    @Override
    public long cpuNanos() {
        return server.isAlive() ? ProcStat.treeCpuNanos(server.toHandle()) : -1;
    }

    /** The server's process id (the postmaster; backends are its children). */
    public long pid() {
        return server.pid();
    }

    /** Where the server's output goes (inside the cluster's directory: gone after {@link #close()}). */
    public Path logFile() {
        return logFile;
    }

    /** The programs this cluster was started with. */
    public PostgresBinaries binaries() {
        return binaries;
    }

    /**
     * Sessions opened in database {@value PostgresConventions#DATABASE} since the cluster started
     * ({@code pg_stat_database.sessions}, PostgreSQL 14 or newer), read with psql through database
     * {@code postgres}, so that reading does not count.
     */
    @Override
    public long sessionsOpened() throws TargetException {
        requireSessionCounts(versionNum, version);
        return parseCount(psql(ADMIN_DATABASE, SESSIONS_SQL));
    }

    /** Runs one SQL command with psql, unaligned and without headers, and returns its output. */
    String psql(String database, String sql) throws TargetException {
        ToolCommand.Result r = PgTool.run(psqlArgs(database, sql), psqlEnv(), PSQL_TIMEOUT);
        if (r.exitCode() != 0) {
            List<String> tail = r.tail(5);
            throw new TargetException("psql failed on PostgreSQL at " + HOST + ":" + port + " (" + sql + "): "
                    + (tail.isEmpty() ? "exit code " + r.exitCode() : String.join(" ", tail)), r.exitCode(), tail,
                    null);
        }
        return r.stdout();
    }

    /** Fast shutdown (SIGINT: clients disconnected, no waiting for them), then the directory deleted. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopServer();
        record.ended(server.pid());
        try {
            deleteTree(clusterDir);
            record.removed(clusterDir);
        } catch (UncheckedIOException e) {
            progress.accept("could not delete the PostgreSQL cluster directory " + clusterDir + ": "
                    + e.getCause().getMessage());
        }
    }

    // ---- start-up ----

    private List<String> psqlArgs(String database, String sql) {
        return PostgresConventions.psqlArgs(binaries.psql().toString(), port, database, sql);
    }

    /**
     * The local cluster's initdb options: as {@link PostgresConventions#initdbOptions()}, but scram-sha-256 for
     * every connection, TCP and Unix socket alike, with the password in {@code pwfile}: no {@code trust} line, so
     * no other local user gets in, let alone as superuser.
     */
    static List<String> localInitdbOptions(Path pwfile) {
        return List.of("--username=" + USER, "--auth=scram-sha-256", "--pwfile=" + pwfile, "--encoding=UTF8",
                "--locale=C", "--no-sync");
    }

    /** psql's environment: the password (never on its command line) and a connect timeout. */
    private Map<String, String> psqlEnv() {
        return Map.of("PGCONNECT_TIMEOUT", "5", PostgresPassword.ENV, password);
    }

    private static Path createClusterDir(Path workDir, ServiceAccount account, Consumer<String> progress)
            throws TargetException {
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir.toAbsolutePath(), "pairbench-postgres-");
            account.own(dir);
            if (account.canWrite(dir)) {
                return dir;
            }
            deleteTree(dir);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            dir = Files.createTempDirectory(tmp, "pairbench-postgres-");
            account.own(dir);
            if (account.canWrite(dir)) {
                progress.accept("PostgreSQL runs as " + account.user().orElse("") + ", which cannot reach "
                        + workDir.toAbsolutePath() + ": its cluster is in " + dir + " instead");
                return dir;
            }
            deleteTree(dir);
            throw new TargetException("PostgreSQL's account " + account + " can write neither under " + workDir
                    + " nor under " + tmp);
        } catch (IOException | UncheckedIOException e) {
            if (dir != null) {
                deleteQuietly(dir);
            }
            throw new TargetException("cannot create a directory for PostgreSQL under " + workDir + ": "
                    + e.getMessage(), null, List.of(), e);
        } catch (TargetException e) {
            if (dir != null) {
                deleteQuietly(dir);
            }
            throw e;
        }
    }

    /** The password reaches initdb in a file of the cluster's private directory, deleted right after. */
    private static void initdb(PostgresBinaries binaries, ServiceAccount account, Path clusterDir, Path dataDir,
                               String password) throws TargetException, IOException {
        Path pwfile = clusterDir.resolve("pwfile");
        Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        ToolCommand.Result r;
        try {
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            account.own(pwfile);
            List<String> argv = new ArrayList<>(account.prefix());
            argv.addAll(List.of(binaries.initdb().toString(), "-D", dataDir.toString()));
            argv.addAll(localInitdbOptions(pwfile));
            r = PgTool.run(argv, Map.of(), INITDB_TIMEOUT);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        if (r.exitCode() != 0) {
            List<String> tail = r.tail(LOG_TAIL_LINES);
            throw new TargetException("initdb failed with code " + r.exitCode()
                    + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)), r.exitCode(), tail, null);
        }
    }

    private static Process spawn(List<String> argv, Path logFile) throws TargetException {
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        PgTool.cleanEnvironment(pb.environment());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new TargetException("cannot start PostgreSQL (" + String.join(" ", argv) + "): " + e.getMessage(),
                    null, List.of(), e);
        }
    }

    /** True once it answers {@code SELECT 1}; false when it exited first; an exception after the timeout. */
    private boolean awaitReady() throws TargetException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (true) {
                if (!server.isAlive()) {
                    server.waitFor();
                    return false;
                }
                ToolCommand.Result r = PgTool.run(psqlArgs(ADMIN_DATABASE, "SELECT 1"), psqlEnv(), PSQL_TIMEOUT);
                if (r.exitCode() == 0 && r.stdout().strip().equals("1")) {
                    return true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    List<String> tail = logTail(0);
                    throw new TargetException("PostgreSQL did not accept connections on " + HOST + ":" + port
                            + " within " + READY_TIMEOUT.toSeconds() + "s", null, tail, null);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while PostgreSQL was starting");
        }
    }

    private void readVersion() throws TargetException {
        Map.Entry<Integer, String> v = parseVersion(psql(ADMIN_DATABASE, VERSION_SQL));
        versionNum = v.getKey();
        version = v.getValue();
    }

    // ---- shutdown ----

    /** SIGINT (fast shutdown), then SIGQUIT (immediate), then SIGKILL; backends too, if any outlived it. */
    private void stopServer() {
        List<ProcessHandle> backends = server.descendants().toList();
        try {
            if (server.isAlive()) {
                signal(server.pid(), "INT");
                if (!server.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    signal(server.pid(), "QUIT");
                    if (!server.waitFor(5, TimeUnit.SECONDS)) {
                        server.destroyForcibly();
                        server.waitFor(5, TimeUnit.SECONDS);
                    }
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (ProcessHandle backend : backends) {
                while (backend.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (backend.isAlive()) {
                    backend.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill program: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: PostgreSQL's smart shutdown
    }

    /** The server's last log lines after {@code fromOffset} (this start's output), blank lines left out. */
    private List<String> logTail(long fromOffset) {
        return LogTail.lastLines(logFile, fromOffset, LOG_TAIL_LINES).stream().filter(l -> !l.isBlank()).toList();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (UncheckedIOException ignored) {
            // best effort on an error path
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " on " + HOST + ":" + port + " (" + clusterDir + ")";
    }
}
