package org.pairbench.targets;

/**
 * A PostgreSQL server that the harness runs for one workload's variants (db-pool): where the variants connect, and
 * how many sessions they opened. Started by {@link TargetRuntime#startPostgres}: a local throwaway cluster for the
 * local runtime, a container for the docker runtime. Every implementation accepts user {@link #user()} on
 * database {@link #database()} at {@link #host()}:{@link #port()} with scram-sha-256 authentication and the
 * password {@link #password()}, generated per server: no other local user gets in. The password reaches psql and
 * the targets through their environment ({@code PGPASSWORD}), never a command line.
 *
 * <p>Threading: the accessors and {@link #sessionsOpened()} may be called from any thread; {@link #close()} may come
 * from a shutdown hook while the runner uses the server, and is effective once.
 */
public interface DatabaseService extends AutoCloseable {

    /** The loopback address the server listens on, e.g. {@code 127.0.0.1}. */
    String host();

    int port();

    String user();

    String database();

    /** {@code postgresql://USER@HOST:PORT/DATABASE}, without the password. */
    String dsn();

    /** The password of {@link #user()}, generated for this server. */
    String password();

    /** The server's version, e.g. {@code 15.18 (Debian 15.18-0+deb12u1)}. */
    String version();

    /**
     * Sessions opened in {@link #database()} since the server started ({@code pg_stat_database.sessions}); reading
     * it opens no session there. The runner takes differences around each step.
     *
     * @throws TargetException when the server cannot be asked (stopped, too old to count sessions)
     */
    long sessionsOpened() throws TargetException;

    /**
     * Cumulative CPU time of the server's processes (server and backends), or -1 where it cannot be read. The
     * database runs on the target's CPUs, so the runner counts it as the target's own work when it measures what
     * else ran there.
     */
    default long cpuNanos() {
        return -1;
    }

    /** Stops the server and removes what it left (data directory or container). Idempotent. */
    @Override
    void close();
}
