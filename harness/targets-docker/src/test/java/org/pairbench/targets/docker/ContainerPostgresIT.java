package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.postgres.PostgresConventions;
import org.testcontainers.containers.Container.ExecResult;

/**
 * db-pool's server under the docker runtime, against a real engine and the real image: it runs in a labelled,
 * pinned container on host networking, counts exactly the sessions opened in database {@code pairbench} (and not
 * the harness's own questions), and leaves no container once closed, or once the runtime closes under it.
 */
class ContainerPostgresIT extends RuntimeFixture {
    @Test
    void aServerRunsPinnedOnHostNetworkingCountsSessionsAndIsRemovedOnClose() throws Exception {
        DatabaseService db = runtime.startPostgres(dir, "1", 50, progress::add);
        assertThat(db).isInstanceOf(ContainerPostgres.class);
        ContainerPostgres pg = (ContainerPostgres) db;
        assertThat(db.dsn()).isEqualTo("postgresql://pairbench@127.0.0.1:" + db.port() + "/pairbench");
        assertThat(db.version()).isNotBlank();
        assertThat(progress).anyMatch(m -> m.contains(runtime.postgresImage()));

        InspectContainerResponse c = client.inspectContainerCmd(pg.containerId()).exec();
        assertThat(c.getConfig().getLabels()).containsEntry(ContainerLabels.PAIRBENCH, "1")
                .containsEntry(ContainerLabels.RUN, runId).containsEntry(ContainerLabels.VARIANT, "postgres");
        assertThat(c.getHostConfig().getNetworkMode()).isEqualTo("host");
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            assertThat(c.getHostConfig().getCpusetCpus()).isEqualTo("1");
        }
        assertThat(runtime.containerInfo() == null ? null : runtime.containerInfo().postgresImage())
                .isIn(null, runtime.postgresImage()); // null until prepare(): the target image is not read here

        // over TCP, as the targets connect: refused without the password, let in with it
        List<String> tcp = PostgresConventions.psqlArgs(ContainerPostgres.PSQL, db.port(), PostgresConventions.DATABASE,
                "SELECT 1");
        ExecResult refused = pg.container().execInContainer(tcp.toArray(String[]::new));
        assertThat(refused.getExitCode()).isNotZero();
        assertThat(refused.getStderr()).contains("password");
        long before = db.sessionsOpened();
        assertThat(db.sessionsOpened()).as("asking opens no counted session").isEqualTo(before);
        List<String> withPassword = new ArrayList<>(List.of("env", "PGPASSWORD=" + db.password()));
        withPassword.addAll(tcp);
        for (int i = 0; i < 3; i++) {
            ExecResult r = pg.container().execInContainer(withPassword.toArray(String[]::new));
            assertThat(r.getExitCode()).as(r.getStderr()).isZero();
        }
        // a backend publishes its session count when it exits, which may be just after psql returned
        long after = before;
        for (int i = 0; i < 100 && after < before + 3; i++) {
            Thread.sleep(100);
            after = db.sessionsOpened();
        }
        assertThat(after - before).isEqualTo(3);

        db.close();
        assertThat(exists(pg.containerId())).isFalse();
        assertThat(dir.resolve("postgres.log")).doesNotExist();
        db.close(); // idempotent
    }

    @Test
    void closingTheRuntimeRemovesTheServer() throws Exception {
        ContainerPostgres pg = (ContainerPostgres) runtime.startPostgres(dir, "", 20, progress::add);
        runtime.close();
        assertThat(exists(pg.containerId())).isFalse();
    }

    private static boolean exists(String containerId) {
        try {
            client.inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
