package org.pairbench.run;

import java.util.HashMap;
import java.util.Map;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.postgres.PostgresPassword;

/**
 * What the harness runs for a workload's variants to use, started before its first variant and stopped after its
 * last: the upstream HTTP server (fan-out) and the PostgreSQL server (db-pool, started by the target runtime: a local cluster or a container). Either may be null.
 *
 * <p>Threading: created and closed on the runner's thread; closing is idempotent.
 */
public record WorkloadServices(CalibrationHttpServer upstream, DatabaseService database) implements AutoCloseable {
    public static final WorkloadServices NONE = new WorkloadServices(null, null);

    /** The placeholder values these services fill in launch arguments ({@code {upstream}}, {@code {pg-*}}). */
    Map<String, String> placeholders() {
        Map<String, String> values = new HashMap<>();
        if (upstream != null) {
            values.put(WorkloadLoader.UPSTREAM, "http://" + upstream.address().getAddress().getHostAddress() + ":"
                    + upstream.address().getPort());
        }
        if (database != null) {
            values.put("pg-host", database.host());
            values.put("pg-port", String.valueOf(database.port()));
            values.put("pg-user", database.user());
            values.put("pg-database", database.database());
            values.put("pg-dsn", database.dsn());
        }
        return values;
    }

    /** What these services put in the targets' environment: the database's password, off any command line. */
    Map<String, String> env() {
        return database == null ? Map.of() : Map.of(PostgresPassword.ENV, database.password());
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
