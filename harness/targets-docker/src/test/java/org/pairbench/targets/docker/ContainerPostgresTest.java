package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.targets.postgres.PostgresConventions;

/** The container server's command lines: the local server's, on the image's programs and cluster. */
class ContainerPostgresTest {
    @Test
    void theServerRunsWithTheLocalServersArgumentsOnTheImagesCluster() {
        List<String> argv = ContainerPostgres.command(40123, 150);
        assertThat(argv).isEqualTo(PostgresConventions.serverArgs(Path.of("/usr/local/bin/postgres"),
                Path.of(PostgresImage.DATA_DIR), 40123, 150));
        assertThat(String.join(" ", argv)).contains("-D " + PostgresImage.DATA_DIR)
                .contains("listen_addresses=127.0.0.1").contains("port=40123").contains("max_connections=150");
    }

    @Test
    void psqlAsksTheAdminDatabaseWithATimeoutSoThatAskingOpensNoCountedSession() {
        List<String> argv = ContainerPostgres.psqlCommand(40123, PostgresConventions.SESSIONS_SQL);
        assertThat(argv.subList(0, 3)).containsExactly("env", "PGCONNECT_TIMEOUT=5", "/usr/local/bin/psql");
        assertThat(argv.subList(2, argv.size())).isEqualTo(PostgresConventions.psqlArgs("/usr/local/bin/psql",
                PostgresImage.DATA_DIR, 40123, PostgresConventions.ADMIN_DATABASE, PostgresConventions.SESSIONS_SQL));
        // the Unix socket in the data directory: the only way in without the password
        assertThat(argv).containsSequence("-d", "postgres").containsSequence("-h", PostgresImage.DATA_DIR)
                .containsSequence("-p", "40123").endsWith(PostgresConventions.SESSIONS_SQL);
    }
}
