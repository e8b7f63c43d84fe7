package org.pairbench.targets.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * Runs PostgreSQL's programs (initdb, psql, pg_config) and the few system tools the cluster needs (id, kill)
 * through {@link ToolCommand}, without the user's {@code PG*} variables and with English messages. Stateless.
 */
final class PgTool {
    private PgTool() {
    }

    /**
     * Runs {@code argv} with this process's environment, minus {@code PG*} variables (a {@code PGHOST} or
     * {@code PGSERVICE} of the user's must not redirect the harness's own commands), plus {@code extraEnv}.
     *
     * @throws TargetException when it cannot start or does not finish within {@code timeout} (it is then killed)
     */
    static ToolCommand.Result run(List<String> argv, Map<String, String> extraEnv, Duration timeout)
            throws TargetException {
        return ToolCommand.run(argv, env -> {
            cleanEnvironment(env);
            env.putAll(extraEnv);
        }, timeout, p -> { });
    }

    /** Drops the {@code PG*} variables libpq and the server programs would read; messages in English. */
    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.put("LC_ALL", "C");
    }
}
