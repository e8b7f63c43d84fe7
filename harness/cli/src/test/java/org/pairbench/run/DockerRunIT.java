package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;

/**
 * {@code --runtime docker} end to end, as a user runs it: the CLI in its own JVM with the launcher's environment,
 * the images built by {@code pairbench images}. A docker run writes the same files as a local run of the same
 * workload, with the same package versions, and leaves no container; neither does Ctrl-C; a SIGKILLed run's
 * container is removed by the next run, which says so. Skipped without a Docker engine, except under CI=true.
 */
class DockerRunIT {
    /** What the pairbench launcher exports for Testcontainers. */
    private static final Map<String, String> LAUNCHER_ENV = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost");

    @TempDir
    Path dir;

    @BeforeAll
    static void imagesAreBuiltOrThereIsNoEngine(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("images.log");
        Process images = cli(log, "images");
        assertThat(images.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        if (images.exitValue() != 0 && output.contains("no Docker engine reachable")
                && !"true".equals(System.getenv("CI"))) {
            System.out.println("SKIPPED docker runtime tests: " + output.strip());
            Assumptions.abort(output.strip());
        }
        if (images.exitValue() != 0) {
            fail("pairbench images failed (CI=" + System.getenv("CI") + "):\n" + output);
        }
    }

    @Test
    void aDockerRunWritesWhatALocalRunWritesWithTheSameVersionsAndLeavesNoContainer() throws Exception {
        Path local = dir.resolve("local-" + UUID.randomUUID());
        Path docker = dir.resolve("docker-" + UUID.randomUUID());
        assertThat(run(local, "local", "docker-hello").waitFor(5, TimeUnit.MINUTES)).isTrue();
        Process d = run(docker, "docker", "docker-hello");
        assertThat(d.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(d.exitValue()).as(log(docker)).isZero();

        assertThat(files(docker)).as(log(docker)).isEqualTo(files(local)).contains("run.json", "summary.json",
                "index.html", "logs/docker-hello/aiohttp-t1.log");
        RunMetadata localMeta = ResultsJson.read(new ResultLayout(local).runJson(), RunMetadata.class);
        RunMetadata dockerMeta = ResultsJson.read(new ResultLayout(docker).runJson(), RunMetadata.class);
        assertThat(dockerMeta.runtime()).isEqualTo("docker");
        assertThat(dockerMeta.python().packages()).isEqualTo(localMeta.python().packages()).containsKey("aiohttp");
        assertThat(dockerMeta.python().lockSha256()).isEqualTo(localMeta.python().lockSha256());

        RunSummary summary = ResultsJson.read(new ResultLayout(docker).summaryJson(), RunSummary.class);
        assertThat(summary.status()).isEqualTo(RunSummary.COMPLETE);
        List<StepResult> steps = summary.workloads().get(0).steps();
        assertThat(steps).hasSize(1);
        StepResult s = steps.get(0);
        assertThat(s.counts().ok()).isEqualTo(s.counts().requests()).isPositive();
        assertThat(s.target().source()).isEqualTo("cgroup");
        assertThat(s.target().cpuSeconds()).isPositive();
        assertThat(s.target().peakRssBytes()).isPositive();
        assertThat(containersOf(docker)).isEmpty();
    }

    @Test
    void ctrlCLeavesNoContainerAndAKilledRunsContainerIsRemovedByTheNextRun() throws Exception {
        Path interrupted = dir.resolve("docker-int-" + UUID.randomUUID());
        Process cli = run(interrupted, "docker", "docker-slow");
        awaitSteps(cli, interrupted, 1);
        assertThat(containersOf(interrupted)).as("the target runs in a container").hasSize(1);
        new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start().waitFor();
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(log(interrupted)).isEqualTo(130);
        assertThat(containersOf(interrupted)).as("Ctrl-C removes the container").isEmpty();

        Path killed = dir.resolve("docker-kill-" + UUID.randomUUID());
        Process doomed = run(killed, "docker", "docker-slow");
        awaitSteps(doomed, killed, 1);
        doomed.destroyForcibly(); // SIGKILL: no shutdown hook, the container stays
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(containersOf(killed)).as("a killed run leaves its container").hasSize(1);

        Path next = dir.resolve("docker-next-" + UUID.randomUUID());
        Process n = run(next, "docker", "docker-hello");
        assertThat(n.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(n.exitValue()).as(log(next)).isZero();
        assertThat(log(next)).contains("Removed 1 container left behind by an earlier pairbench run")
                .contains(killed.getFileName().toString());
        assertThat(containersOf(killed)).isEmpty();
        assertThat(containersOf(next)).isEmpty();
    }

    /**
     * An engine reached over TCP on 127.0.0.1 ({@code DOCKER_HOST=tcp://127.0.0.1:PORT}, forwarded here to the
     * engine's socket) is this machine's: the run needs no flag, measures every variant and records the engine.
     */
    @Test
    void aRunThroughTheEnginesTcpAddressMeasuresEveryVariantAndLeavesNoContainer() throws Exception {
        Path out = dir.resolve("docker-tcp-" + UUID.randomUUID());
        try (DockerSocketForwarder engine = new DockerSocketForwarder(localSocket())) {
            Process cli = cli(out.resolveSibling(out.getFileName() + ".log"), Map.of("DOCKER_HOST",
                    engine.dockerHost()), "run", "--runtime", "docker", "--suite", "smoke", "--workload",
                    "http-hello", "--out", out.toString(), "--generator-cpus", "none", "--target-cpus", "none",
                    "--no-report");
            assertThat(cli.waitFor(10, TimeUnit.MINUTES)).as(log(out)).isTrue();
            assertThat(cli.exitValue()).as(log(out)).isZero();
            assertThat(engine.connections()).as("the run reached the engine through the TCP port").isPositive();

            RunMetadata meta = ResultsJson.read(new ResultLayout(out).runJson(), RunMetadata.class);
            assertThat(meta.runtime()).isEqualTo("docker");
            assertThat(meta.containers().engine()).isEqualTo(engine.dockerHost());
            assertThat(meta.containers().engineName()).isNotBlank();
            assertThat(ResultSchemas.violations("run.schema.json", new ResultLayout(out).runJson())).isEmpty();
            RunSummary summary = ResultsJson.read(new ResultLayout(out).summaryJson(), RunSummary.class);
            assertThat(summary.status()).isEqualTo(RunSummary.COMPLETE);
            assertThat(summary.workloads()).hasSize(1);
            List<StepResult> steps = summary.workloads().get(0).steps();
            assertThat(steps.stream().map(StepResult::variant).distinct().sorted().toList())
                    .containsExactly("aiohttp", "eventlet-wsgi", "fastapi-uvicorn");
            for (StepResult s : steps) {
                assertThat(s.counts().ok()).as(s.variant() + " " + s.step()).isEqualTo(s.counts().requests())
                        .isPositive();
                assertThat(s.target().source()).isEqualTo("cgroup");
            }
            assertThat(containersOf(out)).isEmpty();
        }
    }

    /** The engine's Unix socket: DOCKER_HOST's when it names one, else the default. */
    private static Path localSocket() {
        String host = System.getenv("DOCKER_HOST");
        return host != null && host.startsWith("unix://") ? Path.of(host.substring("unix://".length()))
                : Path.of("/var/run/docker.sock");
    }

    private static void awaitSteps(Process cli, Path out, int steps) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (stepsWritten(out) < steps && System.nanoTime() < deadline && cli.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(stepsWritten(out)).as(log(out)).isGreaterThanOrEqualTo(steps);
    }

    private static int stepsWritten(Path out) {
        try {
            RunSummary s = ResultsJson.read(new ResultLayout(out).summaryJson(), RunSummary.class);
            return s.workloads().isEmpty() ? 0 : s.workloads().get(0).steps().size();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Starts {@code pairbench run} on a fixture workload, unpinned (the tests share the machine); the slow fixture,
     * only ever interrupted, without the report.
     */
    private static Process run(Path out, String runtime, String fixture) throws Exception {
        Files.createDirectories(out.getParent());
        List<String> args = new ArrayList<>(List.of("run", "--suite", "smoke", "--workload",
                RunFixtures.fixture(fixture), "--out", out.toString(), "--runtime", runtime, "--generator-cpus",
                "none", "--target-cpus", "none"));
        if (fixture.equals("docker-slow")) {
            args.add("--no-report");
        }
        return cli(out.resolveSibling(out.getFileName() + ".log"), args.toArray(String[]::new));
    }

    private static Process cli(Path log, String... args) throws Exception {
        return cli(log, Map.of(), args);
    }

    private static Process cli(Path log, Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "-Dpairbench.home=" + RunFixtures.PROJECT, "org.pairbench.cli.PairbenchCommand"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(CtrlCable.command(argv)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(LAUNCHER_ENV);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String log(Path out) {
        try {
            return Files.readString(out.resolveSibling(out.getFileName() + ".log"));
        } catch (Exception e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Files of a results directory, relative, sorted. */
    private static List<String> files(Path results) throws Exception {
        try (Stream<Path> walk = Files.walk(results)) {
            return walk.filter(Files::isRegularFile).map(p -> results.relativize(p).toString()).sorted().toList();
        }
    }

    /** Containers, running or not, of the run writing {@code out} (its run id is the directory's name). */
    private static List<String> containersOf(Path out) throws Exception {
        Process ps = new ProcessBuilder("docker", "ps", "-a", "-q", "--filter",
                "label=org.pairbench.run=" + out.getFileName()).redirectErrorStream(true).start();
        String ids = new String(ps.getInputStream().readAllBytes()).strip();
        assertThat(ps.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ps.exitValue()).as(ids).isZero();
        return ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
