package org.pairbench.targets.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pairbench.targets.TargetException;

/**
 * How the harness sets up and questions every PostgreSQL server it runs, whichever runtime runs it (a local
 * cluster, {@link LocalPostgres}; a container, the docker runtime's {@code ContainerPostgres}), so that both are
 * configured alike: the initdb options, the server's command line, the psql command line, the SQL it asks, the
 * DSN the variants get, and how answers are read.
 *
 * <ul>
 *   <li>{@code initdb --username=pairbench --encoding=UTF8 --locale=C --no-sync}: the C locale so that the
 *       machine's locale settings cannot change anything. Who gets in is each runtime's: only with the password
 *       generated per server ({@link PostgresPassword}, scram-sha-256, given to psql and the targets in
 *       {@code PGPASSWORD}, never on a command line); the DSN is
 *       {@code postgresql://pairbench@127.0.0.1:PORT/pairbench}, without it. The local cluster asks every
 *       connection for it ({@link LocalPostgres#localInitdbOptions}); the container's image asks every TCP
 *       connection, and lets in without it only its own Unix socket, inside the container.</li>
 *   <li>Listens on 127.0.0.1 only ({@code listen_addresses}); its Unix socket is in the data directory (never
 *       {@code /var/run/postgresql}, which a system cluster may use), or, when that path would be longer than a
 *       socket path may be (107 bytes), there is none.</li>
 *   <li>{@code max_connections} from the caller; {@code fsync}, {@code synchronous_commit} and
 *       {@code full_page_writes} off, {@code wal_level=minimal}, no WAL senders: the server is thrown away
 *       afterwards, so durability buys nothing, and the workloads' queries write nothing anyway.</li>
 *   <li>Sessions are counted from {@code pg_stat_database.sessions} (PostgreSQL 14+) of database
 *       {@value #DATABASE}; the harness's own psql connections go to database {@value #ADMIN_DATABASE}, so they
 *       are not counted.</li>
 * </ul>
 *
 * <p>Stateless.
 */
public final class PostgresConventions {
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

    private PostgresConventions() {
    }

    /** {@code postgresql://pairbench@127.0.0.1:PORT/pairbench}: the password goes in {@code PGPASSWORD}. */
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

    /** Fails unless a server of this {@code server_version_num} has {@code pg_stat_database.sessions}. */
    public static void requireSessionCounts(int versionNum, String version) throws TargetException {
        if (versionNum < PG14) {
            throw new TargetException("counting sessions needs PostgreSQL 14 or newer (pg_stat_database.sessions);"
                    + " this is " + version);
        }
    }

    /**
     * initdb's options of the docker image's cluster, made at build time: superuser {@value #USER}, the C locale so
     * that the machine's locale settings cannot change anything, and no fsync of a cluster that is thrown away.
     * {@code --auth=trust} here only until the image's pg_hba.conf replaces it (scram-sha-256 over TCP, the
     * container's own Unix socket alone without a password); the local cluster uses
     * {@link LocalPostgres#localInitdbOptions} instead.
     */
    public static List<String> initdbOptions() {
        return List.of("--username=" + USER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
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

    /** psql on one SQL command: no password prompt, no psqlrc, unaligned rows without headers, stop on error. */
    public static List<String> psqlArgs(String psql, int port, String database, String sql) {
        return psqlArgs(psql, HOST, port, database, sql);
    }

    /** As above, through {@code host}: an address, or the directory of the server's Unix socket. */
    public static List<String> psqlArgs(String psql, String host, int port, String database, String sql) {
        return List.of(psql, "-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", host, "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql);
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
}
