package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.LoopbackPorts;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.postgres.PostgresConventions;
import org.pairbench.targets.postgres.PostgresPassword;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The docker runtime's PostgreSQL server (db-pool): one container of the {@link PostgresImage}, placed like a
 * target container ({@link TargetContainer}: host networking, so it listens on 127.0.0.1 only; the target cpuset;
 * the target memory limit; the run's labels, so close(), the shutdown hook and the next run's sweep all find it).
 * The cluster was made at image build time with {@link PostgresConventions#initdbOptions()}, and the server runs with
 * {@link PostgresConventions#serverArgs}, so both runtimes' servers are configured alike. The container's own file
 * system holds the data: removing the container discards it.
 *
 * <p>Who gets in: over TCP, only with the password generated per container ({@link #password()}, scram-sha-256;
 * the image's pg_hba.conf has no trust line for TCP); without it, only through the Unix socket in the data
 * directory, which nothing outside the container reaches. Questions (readiness, version, session counts, setting
 * the password at start) go through {@code docker exec psql} on that socket, so the host needs no PostgreSQL client;
 * they connect to database {@value PostgresConventions#ADMIN_DATABASE}, which does not count as a session of
 * {@value PostgresConventions#DATABASE}.
 *
 * <p>Threading: {@link #start} on the runner's thread; the accessors and {@link #sessionsOpened()} from any
 * thread; {@link #close()} from any thread (a shutdown hook too), effective once.
 */
final class ContainerPostgres implements DatabaseService {
    static final String POSTGRES = PostgresImage.BIN + "/postgres";
    static final String PSQL = PostgresImage.BIN + "/psql";
    /** Above the engine's 64 MiB default: parallel queries and many backends use POSIX shared memory. */
    static final long SHM_BYTES = 256L << 20;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 15;
    private static final long LOG_DRAIN_MS = 2_000;

    private final TargetContainer container;
    private final String containerId; // kept: Testcontainers forgets it once the container is stopped
    private final ContainerLog log;
    private final Path logFile;
    private final int port;
    private final String password = PostgresPassword.generate();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int versionNum;
    private volatile String version = "";

    private ContainerPostgres(TargetContainer container, ContainerLog log, Path logFile, int port) {
        this.container = container;
        this.containerId = container.getContainerId();
        this.log = log;
        this.logFile = logFile;
        this.port = port;
    }

    /**
     * Starts a container of {@code image} and creates database {@value PostgresConventions#DATABASE}; returns once it
     * accepts connections. A port another program took between our check and the server's bind is retried on
     * another port.
     *
     * @param image     the PostgreSQL image, present in the engine (never pulled)
     * @param placement how the container is placed and labelled (the runtime's, so that close() finds it)
     * @param logFile   where the server's output goes (deleted on close)
     * @throws TargetException when it exits at start-up or does not answer in time; nothing is left running
     */
    static ContainerPostgres start(String image, Placement placement, int maxConnections, Path logFile)
            throws TargetException {
        PostgresConventions.requireMaxConnections(maxConnections);
        for (int attempt = 1; ; attempt++) {
            int port = LoopbackPorts.freePort(LoopbackPorts.requireLoopback(PostgresConventions.HOST));
            ContainerPostgres started = startOn(image, placement, port, maxConnections, logFile);
            try {
                if (started.awaitReady()) {
                    // TCP logins need this password from now on (the image's cluster has none): its verifier
                    // only goes on the exec's command line, never the password itself
                    started.psql("ALTER ROLE " + PostgresConventions.USER + " PASSWORD '"
                            + PostgresPassword.scramVerifier(started.password) + "'");
                    started.psql("CREATE DATABASE " + PostgresConventions.DATABASE);
                    started.readVersion();
                    return started;
                }
                List<String> tail = started.log.tail(LOG_TAIL_LINES);
                boolean portTaken = tail.stream().anyMatch(l -> l.contains("could not bind")
                        || l.contains("Address already in use"));
                if (!portTaken || attempt == PORT_ATTEMPTS) {
                    throw new TargetException("PostgreSQL exited at start-up in its container"
                            + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)), null, tail, null);
                }
            } catch (TargetException | RuntimeException e) {
                started.close();
                throw e;
            }
            started.close(); // the port was taken: try another one
        }
    }

    /**
     * How the runtime places and labels the server's container.
     *
     * @param cpus        cpuset, e.g. "1"; empty: not pinned
     * @param memoryBytes memory limit
     * @param labels      the run's container labels
     * @param onCreated   told the container id once created (the runtime's Ctrl-C bookkeeping); may throw
     */
    record Placement(String cpus, long memoryBytes, Map<String, String> labels, Consumer<String> onCreated) {
    }

    /** The container's command: {@link PostgresConventions#serverArgs} on the image's cluster. */
    static List<String> command(int port, int maxConnections) {
        return PostgresConventions.serverArgs(Path.of(POSTGRES), Path.of(PostgresImage.DATA_DIR), port, maxConnections);
    }

    /**
     * {@code psql} inside the container, on the admin database, with a connect timeout, through the server's Unix
     * socket in the data directory: the one way in without the password, reachable only inside the container.
     */
    static List<String> psqlCommand(int port, String sql) {
        List<String> argv = new ArrayList<>(List.of("env", "PGCONNECT_TIMEOUT=5"));
        argv.addAll(PostgresConventions.psqlArgs(PSQL, PostgresImage.DATA_DIR, port, PostgresConventions.ADMIN_DATABASE, sql));
        return argv;
    }

    private static ContainerPostgres startOn(String image, Placement placement, int port, int maxConnections,
                                             Path logFile) throws TargetException {
        ContainerLog log;
        try {
            Files.deleteIfExists(logFile); // a retry starts with a clean log
            log = new ContainerLog(logFile);
        } catch (IOException e) {
            throw new TargetException("cannot write " + logFile + ": " + e.getMessage(), null, List.of(), e);
        }
        TargetContainer container = new TargetContainer(image, placement.onCreated())
                .withPlacement(placement.cpus(), placement.memoryBytes(), HostLimits.openFiles())
                .withCommandLine(command(port, maxConnections), "/var/lib/postgresql", Map.of(), placement.labels())
                .withSharedMemorySize(SHM_BYTES)
                .withLogConsumer(log);
        try {
            container.start();
        } catch (RuntimeException e) {
            try {
                container.stop();
            } catch (RuntimeException alreadyGone) {
                // Testcontainers removed it already
            }
            log.close();
            throw new TargetException("cannot start the PostgreSQL container: " + DockerEngine.rootMessage(e), null,
                    log.tail(LOG_TAIL_LINES), e);
        }
        return new ContainerPostgres(container, log, logFile, port);
    }

    /** True once it answers {@code SELECT 1}; false when it exited first; an exception after the timeout. */
    private boolean awaitReady() throws TargetException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (true) {
                if (!container.isRunning()) {
                    log.awaitEnd(LOG_DRAIN_MS);
                    return false;
                }
                ExecResult r = exec(psqlCommand(port, "SELECT 1"));
                if (r != null && r.getExitCode() == 0 && r.getStdout().strip().equals("1")) {
                    return true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new TargetException("PostgreSQL did not accept connections on "
                            + PostgresConventions.HOST + ":" + port + " within " + READY_TIMEOUT.toSeconds() + "s", null, log.tail(LOG_TAIL_LINES),
                            null);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while PostgreSQL was starting");
        }
    }

    /** One exec; null when the engine refused it (the container stopped meanwhile). */
    private ExecResult exec(List<String> argv) throws InterruptedException {
        try {
            return container.execInContainer(argv.toArray(String[]::new));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Runs one SQL command with psql in the container and returns its output. */
    String psql(String sql) throws TargetException {
        ExecResult r;
        try {
            r = exec(psqlCommand(port, sql));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while asking PostgreSQL (" + sql + ")");
        }
        if (r == null || r.getExitCode() != 0) {
            String why = r == null ? "the container does not run" : r.getStderr().strip();
            throw new TargetException("psql failed on PostgreSQL at " + PostgresConventions.HOST + ":" + port
                    + " (" + sql + "): " + (why.isEmpty() ? "exit code " + r.getExitCode() : why), r == null ? null
                    : r.getExitCode(), log.tail(LOG_TAIL_LINES), null);
        }
        return r.getStdout();
    }

    private void readVersion() throws TargetException {
        Map.Entry<Integer, String> v = PostgresConventions.parseVersion(psql(PostgresConventions.VERSION_SQL));
        versionNum = v.getKey();
        version = v.getValue();
    }

    String containerId() {
        return containerId;
    }

    /** The Testcontainers container, for tests that talk to the server themselves. */
    TargetContainer container() {
        return container;
    }

    @Override
    public String host() {
        return PostgresConventions.HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return PostgresConventions.USER;
    }

    @Override
    public String database() {
        return PostgresConventions.DATABASE;
    }

    @Override
    public String dsn() {
        return PostgresConventions.dsn(port);
    }

    /** Generated for this container, set at start; TCP logins without it are refused (scram-sha-256). */
    @Override
    public String password() {
        return password;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public long sessionsOpened() throws TargetException {
        PostgresConventions.requireSessionCounts(versionNum, version);
        return PostgresConventions.parseCount(psql(PostgresConventions.SESSIONS_SQL));
    }

    /** Kills and removes the container (the data goes with it), then deletes the log file. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            container.stop(); // Testcontainers: kill, then remove with its volumes
        } catch (RuntimeException e) {
            // removed already; a leftover is swept by label on close of the runtime or the next run
        }
        log.awaitEnd(LOG_DRAIN_MS);
        log.close();
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            // a temporary file: nothing depends on its removal
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " in container " + containerId.substring(0, Math.min(12, containerId.length())) + " ("
                + PostgresConventions.HOST + ":" + port + ")";
    }
}
