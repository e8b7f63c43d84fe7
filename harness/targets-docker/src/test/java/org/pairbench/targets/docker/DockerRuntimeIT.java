package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.ResourceSample;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRequest;

/**
 * The docker runtime against a real engine and the real image: a target starts in a labelled, pinned,
 * memory-limited container on host networking, answers, is measured through its cgroup, and leaves no container
 * behind, whether it stops, crashes at start-up, or the runtime closes under it. Counts and contents only.
 */
class DockerRuntimeIT extends RuntimeFixture {
    private static final List<String> AIOHTTP = List.of("http_hello/aiohttp_server.py", "--host", "{host}",
            "--port", "{port}", "--backlog", "128", "--keepalive-timeout", "75");

    @Test
    void prepareReadsTheImagesPythonAndItsExactPackages() throws Exception {
        PythonInfo info = runtime.prepare();
        assertThat(info.executable()).isEqualTo("/opt/pairbench/venv/bin/python");
        assertThat(info.version()).startsWith("3.11.");
        assertThat(info.lockFile()).isEqualTo("python-targets/requirements.lock");
        assertThat(info.lockSha256()).hasSize(64);
        assertThat(info.packages()).containsEntry("aiohttp", lockedVersion("aiohttp"))
                .containsEntry("eventlet", lockedVersion("eventlet")).containsKeys("uvicorn", "fastapi", "pip");
        assertThat(runtime.imageIds()).containsKeys("targets", "base");
        assertThat(runtime.imageIds().get("targets")).startsWith(runtime.image() + "@sha256:");
    }

    @Test
    void aTargetRunsPinnedAndLabelledAnswersIsMeasuredAndIsRemovedOnStop() throws Exception {
        RunningTarget target = runtime.start(request("aiohttp", new TargetLaunch.Python(AIOHTTP)));
        InspectContainerResponse c = onlyContainer();
        assertThat(c.getConfig().getLabels()).containsEntry(ContainerLabels.PAIRBENCH, "1")
                .containsEntry(ContainerLabels.VARIANT, "aiohttp");
        assertThat(c.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(c.getHostConfig().getMemory()).isEqualTo(DockerRuntime.DEFAULT_MEMORY_BYTES);
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            assertThat(c.getHostConfig().getCpusetCpus()).isEqualTo("1");
        }
        assertThat(target.command()).contains("--network", "host", runtime.image());

        ResourceSample before = target.sampleResources();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + target.address().getPort() + "/");
        int ok = 0;
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            ok += r.statusCode() == 200 && r.body().equals("Hello, World!\n") ? 1 : 0;
        }
        assertThat(ok).isEqualTo(300);
        ResourceSample after = target.sampleResources();
        assertThat(target.resourceSource()).isEqualTo("cgroup");
        assertThat(before.cpuNanos()).isPositive();
        assertThat(after.cpuNanos()).isGreaterThan(before.cpuNanos());
        assertThat(after.rssBytes()).isPositive().isLessThan(DockerRuntime.DEFAULT_MEMORY_BYTES);
        assertThat(target.isAlive()).isTrue();

        target.stop();
        assertThat(target.isAlive()).isFalse();
        assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId))).isEmpty();
        assertThat(Files.exists(dir.resolve("aiohttp.log"))).isTrue();
    }

    @Test
    void aServiceThatExitsAtStartUpGivesItsCodeAndLastLinesAndLeavesNoContainer() throws Exception {
        TargetLaunch crash = new TargetLaunch.Python(List.of("-c",
                "import sys; print('about to fail'); print('fatal: no config', file=sys.stderr); sys.exit(3)",
                "{port}"));
        assertThatThrownBy(() -> runtime.start(request("crash", crash))).isInstanceOfSatisfying(
                TargetException.class, e -> {
                    assertThat(e.getMessage()).contains("exited at start-up with code 3");
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.logTail()).contains("about to fail", "fatal: no config");
                });
        assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId))).isEmpty();
        assertThat(Files.readString(dir.resolve("crash.log"))).contains("fatal: no config");
    }

    @Test
    void commandVariantsRunAsLocalProcessesAndNoContainer() throws Exception {
        TargetLaunch.Command command = new TargetLaunch.Command(List.of("python3", "-m", "http.server", "--bind",
                "{host}", "{port}"));
        assertThat(runtime.runtimeFor(command)).isEqualTo("local");
        assertThat(runtime.runtimeFor(new TargetLaunch.Python(AIOHTTP))).isEqualTo("docker");
        try (RunningTarget target = runtime.start(request("stub", command))) {
            assertThat(target.isAlive()).isTrue();
            assertThat(target.resourceSource()).isEqualTo("/proc");
            assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId))).isEmpty();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + target.address().getPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeRemovesEveryContainerAndRefusesNewStarts() throws Exception {
        runtime.start(request("a", new TargetLaunch.Python(AIOHTTP)));
        runtime.start(request("b", new TargetLaunch.Python(AIOHTTP)));
        assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId))).hasSize(2);
        runtime.close();
        assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId))).isEmpty();
        assertThatThrownBy(() -> runtime.start(request("c", new TargetLaunch.Python(AIOHTTP))))
                .hasMessageContaining("closed");
    }

    @Test
    void aMissingImageIsAClearErrorThatSaysHowToBuildIt() throws Exception {
        Path copy = dir.resolve("python-targets");
        Files.createDirectories(copy);
        for (String f : List.of("Dockerfile", ".dockerignore", "requirements.lock")) {
            Files.copy(DockerTestSupport.PYTHON_TARGETS.resolve(f), copy.resolve(f));
        }
        Files.writeString(copy.resolve("changed.py"), "# a change no image was built for\n");
        DockerRuntime other = DockerRuntime.create(copy, "", DockerRuntime.DEFAULT_MEMORY_BYTES, runId, m -> { });
        try {
            assertThatThrownBy(other::prepare).hasMessageContaining("is not built")
                    .hasMessageContaining("./pairbench images");
        } finally {
            other.close();
        }
    }

    private InspectContainerResponse onlyContainer() {
        var list = DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId));
        assertThat(list).hasSize(1);
        return client.inspectContainerCmd(list.get(0).getId()).exec();
    }

    private TargetRequest request(String variant, TargetLaunch launch) {
        return new TargetRequest("it", variant, launch, "127.0.0.1", Map.of(), dir, dir.resolve(variant + ".log"));
    }

    private static String lockedVersion(String name) throws Exception {
        for (String line : Files.readAllLines(DockerTestSupport.PYTHON_TARGETS.resolve("requirements.lock"))) {
            if (line.startsWith(name + "==")) {
                return line.substring(name.length() + 2).split("[ \\\\]")[0];
            }
        }
        throw new AssertionError(name + " is not in the lock file");
    }
}
