package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetException;

/**
 * A harness killed with SIGKILL cannot remove its container: the next runtime must find it by label, remove it
 * and say so, while containers of live processes (this JVM's) stay.
 */
class LeftoverSweepIT {
    static final List<String> HOLD_ARGS = List.of("http_hello/aiohttp_server.py", "--host", "{host}", "--port",
            "{port}", "--backlog", "128", "--keepalive-timeout", "75");
    static DockerClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void engineAndImages() throws TargetException {
        client = DockerTestSupport.engineOrSkip();
        DockerTestSupport.images();
    }

    @Test
    void theNextRunRemovesTheContainerOfAKilledHarnessAndSaysSo() throws Exception {
        String liveRun = "it-live-" + UUID.randomUUID();
        DockerRuntime live = DockerRuntime.create(DockerTestSupport.PYTHON_TARGETS, "", 256L << 20, liveRun,
                m -> { });
        try {
            RunningTarget liveTarget = live.start(new TargetRequest("live", "aiohttp", new TargetLaunch.Python(
                    HOLD_ARGS), "127.0.0.1", Map.of(), dir, dir.resolve("live.log")));
            String killedRun = "it-killed-" + UUID.randomUUID();
            startAndKill(killedRun);
            assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, killedRun)))
                    .as("the killed harness left its container").hasSize(1);

            List<String> messages = new ArrayList<>();
            DockerRuntime next = DockerRuntime.create(DockerTestSupport.PYTHON_TARGETS, "", 256L << 20,
                    "it-next-" + UUID.randomUUID(), messages::add);
            next.close();
            assertThat(messages).singleElement().asString().contains("Removed 1 container").contains(killedRun);
            assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, killedRun))).isEmpty();
            assertThat(liveTarget.isAlive()).as("a live run's container is not a leftover").isTrue();
        } finally {
            live.close();
        }
        assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, liveRun))).isEmpty();
    }

    /** Runs {@link HoldTarget} in a child JVM until its target is up, then kills it with SIGKILL. */
    private static void startAndKill(String runId) throws Exception {
        Process harness = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                HoldTarget.class.getName(), runId).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                output.add(line);
            }
            assertThat(line).as(String.join("\n", output)).startsWith("READY");
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            harness.destroyForcibly();
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
