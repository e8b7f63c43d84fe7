package org.pairbench.targets.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;
import org.pairbench.targets.local.CpuAffinity;

/**
 * A throwaway PostgreSQL cluster for one workload: {@code initdb} into a new directory under the run's work
 * directory, {@code postgres} on a free port of 127.0.0.1, database {@value #DATABASE} owned by superuser
 * {@value #USER}, then a fast shutdown and the directory deleted.
 *
 * <p>What it is, and why:
 * <ul>
 *   <li>Programs from {@link PostgresBinaries} (Debian's {@code /usr/lib/postgresql/VERSION/bin} on this project's
 *       machines); missing ones give a one-line error that names {@code apt-get install postgresql}.</li>
 *   <li>{@code initdb --auth=trust --username=pairbench --encoding=UTF8 --locale=C --no-sync}: no password
 *       anywhere (the DSN is {@code postgresql://pairbench@127.0.0.1:PORT/pairbench}); the C locale so that the
 *       machine's locale settings cannot change anything.</li>
 *   <li>Listens on 127.0.0.1 only ({@code listen_addresses}); its Unix socket is in the data directory (never
 *       {@code /var/run/postgresql}, which a system cluster may use), or, when that path would be longer than a
 *       socket path may be (107 bytes), there is none.</li>
 *   <li>{@code max_connections} from the caller; {@code fsync}, {@code synchronous_commit} and
 *       {@code full_page_writes} off, {@code wal_level=minimal}, no WAL senders: the cluster is deleted
 *       afterwards, so durability buys nothing, and the workloads' queries write nothing anyway.</li>
 *   <li>Started with {@code taskset -c CPUS} when CPUs are given and taskset is installed ({@link CpuAffinity}),
 *       so the server and every backend it forks stay on those CPUs.</li>
 *   <li>As root, initdb and the server run as an unprivileged account ({@link ServiceAccount}: {@code postgres}
 *       or {@code PAIRBENCH_PG_USER}, through {@code setpriv}), which owns the cluster's directory. When that
 *       account cannot reach the work directory (one under {@code /root}, say), the cluster goes under the
 *       system temp directory instead, and progress says so.</li>
 *   <li>The server's own output goes to {@link #logFile()} in the cluster's directory (deleted with it).</li>
 * </ul>
 *
 * <p>{@link #sessionsOpened()} reads {@code pg_stat_database.sessions} (PostgreSQL 14+) of database
 * {@value #DATABASE}: every session a client opened there since the cluster started. The harness's own psql
 * connections go to database {@code postgres} and are not counted. A backend publishes its session at its first
 * idle moment after connecting (or, when the statistics lock is busy, within 10 s, and always at exit).
 *
 * <p>The docker runtime's server ({@code ContainerPostgres}) is made with the same initdb options
 * ({@link #initdbOptions()}), started with the same command line ({@link #serverArgs}) and asked the same
 * questions ({@link #SESSIONS_SQL}, {@link #VERSION_SQL}), so both runtimes' databases are configured alike.
 *
 * <p>Threading: {@link #start} on one thread; the accessors and {@link #sessionsOpened()} from any; {@link #close()}
 * from any thread, at most once effective (a shutdown hook may call it while the runner does too).
 */
public final class LocalPostgres implements DatabaseService {
    public static final String HOST = "127.0.0.1";
    public static final String USER = "pairbench";
    public static final String DATABASE = "pairbench";
    /** Fewest connections accepted: the server keeps 3 for superusers, and psql needs one. */
    public static final int MIN_CONNECTIONS = 8;
    /** PostgreSQL's own ceiling (MAX_BACKENDS). */
    public static final int MAX_CONNECTIONS = 262_143;
    static final int UNIX_SOCKET_PATH_MAX = 107;
    /** {@code server_version_num} of PostgreSQL 14, the first with {@code pg_stat_database.sessions}. */
    public static final int PG14 = 140_000;
    /** The database the harness's own psql connections go to, so that they are not counted as sessions. */
    public static final String ADMIN_DATABASE = "postgres";
    /** Sessions opened in {@value #DATABASE} so far; one number, no row before the first session. */
    public static final String SESSIONS_SQL = "SELECT sessions FROM pg_stat_database WHERE datname = '" + DATABASE
            + "'";
    /** The version as {@link #parseVersion} reads it. */
    public static final String VERSION_SQL =
            "SELECT current_setting('server_version_num') || ' ' || current_setting('server_version')";
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
    private final Consumer<String> progress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int versionNum;
    private volatile String version = "";

    private LocalPostgres(PostgresBinaries binaries, Path clusterDir, Path logFile, int port, Process server,
                          Consumer<String> progress) {
        this.binaries = binaries;
        this.clusterDir = clusterDir;
        this.logFile = logFile;
        this.port = port;
        this.server = server;
        this.progress = progress;
    }

    /**
     * Creates and starts a cluster, and creates database {@value #DATABASE}. Returns once it accepts connections.
     *
     * @param workDir        where the cluster's directory is created (a new {@code postgres-*} directory in it)
     * @param cpus           CPU list for {@code taskset -c}, e.g. "1"; empty or null: not pinned
     * @param maxConnections the server's {@code max_connections}, from {@value #MIN_CONNECTIONS}
     * @param progress       receives one-line messages (where the cluster went, pinning not possible)
     * @throws TargetException PostgreSQL missing (the message says what to install), or a failed start (with the
     *                         server's last log lines); nothing is left running or on disk then
     */
    public static LocalPostgres start(Path workDir, String cpus, int maxConnections, Consumer<String> progress)
            throws TargetException {
        requireMaxConnections(maxConnections);
        PostgresBinaries binaries = PostgresBinaries.discover();
        ServiceAccount account = ServiceAccount.forThisProcess(System.getenv());
        Path clusterDir = createClusterDir(workDir, account, progress);
        LocalPostgres started = null;
        try {
            Path dataDir = clusterDir.resolve("data");
            initdb(binaries, account, dataDir);
            List<String> pin = pinPrefix(cpus, progress);
            Path logFile = clusterDir.resolve("postgres.log");
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                List<String> argv = new ArrayList<>(pin);
                argv.addAll(account.prefix());
                argv.addAll(serverArgs(binaries.postgres(), dataDir, port, maxConnections));
                long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
                Process server = spawn(argv, logFile);
                started = new LocalPostgres(binaries, clusterDir, logFile, port, server, progress);
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
            discard(started, clusterDir);
            throw new TargetException("cannot start PostgreSQL in " + clusterDir + ": " + e.getMessage(), null,
                    List.of(), e);
        } catch (TargetException | RuntimeException e) {
            discard(started, clusterDir);
            throw e;
        }
    }

    /** After a failed start: nothing left running, nothing left on disk. */
    private static void discard(LocalPostgres started, Path clusterDir) {
        if (started != null) {
            started.close();
        } else {
            deleteQuietly(clusterDir);
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

    /** {@code postgresql://pairbench@127.0.0.1:PORT/pairbench}: trust authentication, no password. */
    @Override
    public String dsn() {
        return dsn(port);
    }

    /** The server's version, e.g. {@code 15.18 (Debian 15.18-0+deb12u1)}. */
    @Override
    public String version() {
        return version;
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
     * Sessions opened in database {@value #DATABASE} since the cluster started ({@code pg_stat_database.sessions},
     * PostgreSQL 14 or newer), read with psql through database {@code postgres}, so that reading does not count.
     */
    @Override
    public long sessionsOpened() throws TargetException {
        requireSessionCounts(versionNum, version);
        return parseCount(psql(ADMIN_DATABASE, SESSIONS_SQL));
    }

    /** Fails unless a server of this {@code server_version_num} has {@code pg_stat_database.sessions}. */
    public static void requireSessionCounts(int versionNum, String version) throws TargetException {
        if (versionNum < PG14) {
            throw new TargetException("counting sessions needs PostgreSQL 14 or newer (pg_stat_database.sessions);"
                    + " this is " + version);
        }
    }

    /** Runs one SQL command with psql, unaligned and without headers, and returns its output. */
    String psql(String database, String sql) throws TargetException {
        ToolCommand.Result r = PgTool.run(psqlArgs(database, sql), Map.of("PGCONNECT_TIMEOUT", "5"), PSQL_TIMEOUT);
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
        try {
            deleteTree(clusterDir);
        } catch (UncheckedIOException e) {
            progress.accept("could not delete the PostgreSQL cluster directory " + clusterDir + ": "
                    + e.getCause().getMessage());
        }
    }

    // ---- start-up ----

    public static String dsn(int port) {
        return "postgresql://" + USER + "@" + HOST + ":" + port + "/" + DATABASE;
    }

    /** Fails unless {@code maxConnections} is between {@value #MIN_CONNECTIONS} and {@value #MAX_CONNECTIONS}. */
    public static void requireMaxConnections(int maxConnections) {
        if (maxConnections < MIN_CONNECTIONS || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("maxConnections must be between " + MIN_CONNECTIONS + " and "
                    + MAX_CONNECTIONS + ": " + maxConnections);
        }
    }

    /** The server's command line (without pinning and account switch). */
    public static List<String> serverArgs(Path postgres, Path dataDir, int port, int maxConnections) {
        return List.of(postgres.toString(), "-D", dataDir.toString(),
                "-c", "listen_addresses=" + HOST,
                "-c", "port=" + port,
                "-c", "unix_socket_directories=" + socketDirectory(dataDir, port),
                "-c", "max_connections=" + maxConnections,
                // a throwaway cluster: durability buys nothing
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "wal_level=minimal",
                "-c", "max_wal_senders=0",
                // output to stderr, which the harness sends to the log file
                "-c", "logging_collector=off");
    }

    /** The data directory when its socket path fits in a socket address, else "" (TCP only). */
    static String socketDirectory(Path dataDir, int port) {
        String socket = dataDir + "/.s.PGSQL." + port;
        return socket.getBytes(StandardCharsets.UTF_8).length <= UNIX_SOCKET_PATH_MAX ? dataDir.toString() : "";
    }

    /** psql's output as one number (trimmed); a missing row means 0. */
    public static long parseCount(String output) throws TargetException {
        String text = output.strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TargetException("unexpected answer from PostgreSQL, not a number: " + text);
        }
    }

    /** "150018 15.18 (Debian 15.18-0+deb12u1)" → 150018 and the rest. */
    public static Map.Entry<Integer, String> parseVersion(String output) throws TargetException {
        String text = output.strip();
        int space = text.indexOf(' ');
        try {
            return Map.entry(Integer.parseInt(space < 0 ? text : text.substring(0, space)),
                    space < 0 ? "" : text.substring(space + 1).strip());
        } catch (NumberFormatException e) {
            throw new TargetException("unexpected server version from PostgreSQL: " + text);
        }
    }

    private List<String> psqlArgs(String database, String sql) {
        return psqlArgs(binaries.psql().toString(), port, database, sql);
    }

    /** psql on one SQL command: no password prompt, no psqlrc, unaligned rows without headers, stop on error. */
    public static List<String> psqlArgs(String psql, int port, String database, String sql) {
        return List.of(psql, "-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", HOST, "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql);
    }

    /**
     * initdb's options besides the data directory: superuser {@value #USER}, no password anywhere, the C locale so
     * that the machine's locale settings cannot change anything, and no fsync of a cluster that is thrown away.
     */
    public static List<String> initdbOptions() {
        return List.of("--username=" + USER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
    }

    private static Path createClusterDir(Path workDir, ServiceAccount account, Consumer<String> progress)
            throws TargetException {
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir.toAbsolutePath(), "postgres-");
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

    private static void initdb(PostgresBinaries binaries, ServiceAccount account, Path dataDir)
            throws TargetException {
        List<String> argv = new ArrayList<>(account.prefix());
        argv.addAll(List.of(binaries.initdb().toString(), "-D", dataDir.toString()));
        argv.addAll(initdbOptions());
        ToolCommand.Result r = PgTool.run(argv, Map.of(), INITDB_TIMEOUT);
        if (r.exitCode() != 0) {
            List<String> tail = r.tail(LOG_TAIL_LINES);
            throw new TargetException("initdb failed with code " + r.exitCode()
                    + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)), r.exitCode(), tail, null);
        }
    }

    private static List<String> pinPrefix(String cpus, Consumer<String> progress) {
        if (cpus == null || cpus.isBlank()) {
            return List.of();
        }
        var taskset = new CpuAffinity().available()
                ? PostgresBinaries.findOnPath("taskset", System.getenv("PATH")) : java.util.Optional.<Path>empty();
        if (taskset.isEmpty()) {
            progress.accept("taskset not found (util-linux): PostgreSQL runs unpinned instead of on CPUs "
                    + cpus.strip());
            return List.of();
        }
        return List.of(taskset.get().toString(), "-c", cpus.strip());
    }

    private static int freePort() throws TargetException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TargetException("cannot find a free port on " + HOST + ": " + e.getMessage(), null, List.of(),
                    e);
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
                ToolCommand.Result r = PgTool.run(psqlArgs(ADMIN_DATABASE, "SELECT 1"), Map.of("PGCONNECT_TIMEOUT", "5"),
                        PSQL_TIMEOUT);
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

    private List<String> logTail(long fromOffset) {
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(Math.max(0, fromOffset), all.length);
            List<String> lines = new String(all, from, all.length - from, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of();
        }
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
