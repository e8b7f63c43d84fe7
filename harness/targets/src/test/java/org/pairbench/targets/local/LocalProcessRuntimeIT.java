package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.targets.ReadinessProbe;
import org.pairbench.targets.ResourceSample;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TcpConnectProbe;
import org.pairbench.targets.ToolCommand;

/**
 * Builds (or reuses) the real Python environment from {@code python-targets/requirements.lock} and starts the
 * http-hello services through {@link LocalProcessRuntime}. Asserts contents, counts and invariants, never
 * durations.
 */
class LocalProcessRuntimeIT {
    // failsafe runs with the module directory as working directory
    private static final Path TARGETS = Path.of("../../python-targets").toAbsolutePath().normalize();
    private static final String HOST = "127.0.0.1";
    private static final byte[] HELLO = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path work;

    private static final List<String> progress = new CopyOnWriteArrayList<>();
    private static final String targetCpus = new CpuAffinity().defaultTargetCpus();
    private static LocalProcessRuntime runtime;
    private static PythonInfo python;
    private static byte[] expectedJson;

    @BeforeAll
    static void prepare() throws Exception {
        runtime = new LocalProcessRuntime(TARGETS, targetCpus, m -> {
            progress.add(m);
            System.out.println("[pairbench] " + m); // the first build takes a while: say why
        });
        python = runtime.prepare();
        // the body every server must send, computed by the payload module itself
        ToolCommand.Result r = ToolCommand.run(List.of(python.executable(), "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); from http_hello.payload import PAYLOAD, compact_dumps; "
                        + "sys.stdout.write(compact_dumps(PAYLOAD))", TARGETS.toString()),
                Map.of("PYTHONDONTWRITEBYTECODE", "1"), Duration.ofMinutes(1), p -> { });
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        expectedJson = r.stdout().getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void pythonInfoNamesTheLockAndEveryLockedVersion() throws IOException {
        Path lock = TARGETS.resolve("requirements.lock");
        assertThat(python.lockFile()).isEqualTo("python-targets/requirements.lock");
        assertThat(python.lockSha256()).isEqualTo(VenvCacheKey.sha256Hex(Files.readAllBytes(lock)));
        assertThat(python.executable()).endsWith("/bin/python");
        assertThat(python.version()).matches("3\\.\\d+\\.\\d+");
        Map<String, String> installed = new java.util.HashMap<>();
        python.packages().forEach((name, version) -> installed.put(normalize(name), version));
        Matcher pin = Pattern.compile("(?m)^([A-Za-z0-9._-]+)==(\\S+)").matcher(Files.readString(lock));
        int pins = 0;
        while (pin.find()) {
            pins++;
            assertThat(installed).containsEntry(normalize(pin.group(1)), pin.group(2));
        }
        assertThat(pins).isGreaterThanOrEqualTo(13);
        assertThat(python.packages()).containsEntry("eventlet", "0.41.3");
        assertThat(python.packages().keySet()).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
    }

    @Test
    void aSecondRuntimeReusesTheCachedEnvironment() throws TargetException {
        List<String> messages = new CopyOnWriteArrayList<>();
        try (LocalProcessRuntime again = new LocalProcessRuntime(TARGETS, "", messages::add)) {
            assertThat(again.prepare()).isEqualTo(python);
        }
        assertThat(messages).noneMatch(m -> m.startsWith("Creating"));
    }

    /** The http-hello variants exactly as the shipped workload file launches them (settings filled in). */
    static Stream<Arguments> httpHello() {
        Workload w = WorkloadLoader.load(Path.of("../../workloads/http-hello.yaml"));
        return w.variants().values().stream().map(v -> Arguments.of(v.name(),
                WorkloadLoader.applySettings(v.launch().argv(), v.settings())));
    }

    private static List<String> aiohttpArgv() {
        return httpHello().filter(a -> a.get()[0].equals("aiohttp")).map(a -> {
            @SuppressWarnings("unchecked")
            List<String> argv = (List<String>) a.get()[1];
            return argv;
        }).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpHello")
    void httpHelloServesTheSameBytesAndStopsCompletely(String variant, List<String> argv) throws Exception {
        RunningTarget target = runtime.start(request(variant, new TargetLaunch.Python(argv)));
        long pid = ((LocalTarget) target).pid();
        assertThat(target.isAlive()).isTrue();
        assertThat(target.address().getAddress().isLoopbackAddress()).isTrue();
        String base = "http://" + HOST + ":" + target.address().getPort();

        HttpResponse<byte[]> hello = get(base + "/");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo(HELLO);
        assertThat(mediaType(hello)).isEqualTo("text/plain");
        assertThat(hello.headers().firstValue("content-type").orElseThrow().toLowerCase(Locale.ROOT))
                .contains("charset=utf-8");

        HttpResponse<byte[]> json = get(base + "/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).hasSize(1024).isEqualTo(expectedJson);
        assertThat(mediaType(json)).isEqualTo("application/json");

        assertThat(get(base + "/missing").statusCode()).isEqualTo(404);

        ResourceSample sample = target.sampleResources();
        assertThat(sample.cpuNanos()).isPositive();
        assertThat(sample.rssBytes()).isPositive();
        assertThat(target.resourceSource()).isEqualTo("/proc");
        if (!targetCpus.isEmpty() && runtime.effectiveTargetCpus().equals(targetCpus)) {
            assertThat(target.command()).anyMatch(a -> a.endsWith("taskset"));
            assertThat(cpusAllowed(pid)).isEqualTo(targetCpus);
        }
        if (ParentDeath.available()) { // tied to the harness: killed by the kernel if the harness dies
            assertThat(target.command().subList(0, 4)).endsWith("--pdeathsig", "KILL", "--");
        }
        // access logging is off on every side: requests leave no line in the log
        assertThat(target.logTail(1000)).noneMatch(l -> l.contains("GET /"));

        target.stop();
        assertThat(target.isAlive()).isFalse();
        assertThat(target.exitCode()).isPresent();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        target.stop(); // idempotent
    }

    @Test
    void aCommandThatExitsAtStartUpReportsItsCodeAndOutput() {
        TargetLaunch boom = new TargetLaunch.Command(List.of("sh", "-c", "echo boom >&2; exit 3", "{port}"));
        TargetException e = catchThrowableOfType(TargetException.class,
                () -> runtime.start(request("boom", boom)));
        assertThat(e).hasMessage("it/boom exited at start-up with code 3");
        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.logTail()).contains("boom");
    }

    @Test
    void aPortInUseIsRefusedBeforeStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(HOST));
             LocalProcessRuntime fixedPort = new LocalProcessRuntime(TARGETS, "", Duration.ofSeconds(30),
                     new PythonEnvironment(TARGETS, System.getenv(), m -> { }), new CpuAffinity(),
                     host -> taken.getLocalPort(), new TcpConnectProbe(), m -> { })) {
            TargetLaunch launch = new TargetLaunch.Command(List.of("sh", "-c", "exec sleep 60", "{port}"));
            assertThatThrownBy(() -> fixedPort.start(request("busy", launch)))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void aForeignListenerMakesItStartAgainOnAnotherPort() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        try (ForeignTakeover foreign = new ForeignTakeover(1);
             LocalProcessRuntime retrying = runtimeProbingWith(foreign, said)) {
            // binds only from its second start on (its first one leaves a file in the workload directory), so
            // the first port is the foreign listener's alone
            TargetLaunch server = new TargetLaunch.Command(List.of("sh", "-c", "if [ -e retried.started ]; then exec "
                    + "python3 -m http.server \"$0\" --bind " + HOST + "; else touch retried.started; exec sleep 60; fi",
                    "{port}"));
            RunningTarget target = retrying.start(request("retried", server));
            try {
                int first = foreign.taken().get(0);
                assertThat(target.address().getPort()).isNotEqualTo(first);
                assertThat(target.portRetries()).singleElement().satisfies(r -> {
                    assertThat(r.port()).isEqualTo(first);
                    assertThat(r.holderPid()).isEqualTo(ProcessHandle.current().pid());
                    assertThat(r.nextPort()).isEqualTo(target.address().getPort());
                    assertThat(r.reason()).isEqualTo("it/retried: port " + first + " is held by another process (pid "
                            + ProcessHandle.current().pid() + "), not by the target: starting it again on port "
                            + target.address().getPort() + " (retry 1 of 2)");
                });
                assertThat(said).containsExactly(target.portRetries().get(0).reason());
                assertThat(get("http://" + HOST + ":" + target.address().getPort() + "/").statusCode())
                        .isEqualTo(200);
            } finally {
                target.stop();
            }
            assertThat(target.forcedStop()).isEmpty(); // it stopped on SIGTERM
        }
    }

    @Test
    void aForeignListenerOnEveryPortTriedFailsTheStartNamingEachPort() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        try (ForeignTakeover foreign = new ForeignTakeover(Integer.MAX_VALUE);
             LocalProcessRuntime retrying = runtimeProbingWith(foreign, said)) {
            TargetLaunch neverBinds = new TargetLaunch.Command(List.of("sh", "-c", "exec sleep 60", "{port}"));
            TargetException e = catchThrowableOfType(TargetException.class,
                    () -> retrying.start(request("taken", neverBinds)));
            List<Integer> ports = foreign.taken();
            long me = ProcessHandle.current().pid();
            assertThat(ports).hasSize(1 + LocalProcessRuntime.PORT_RETRIES).doesNotHaveDuplicates();
            assertThat(e).hasMessage("it/taken: port " + ports.get(2) + " is held by another process (pid " + me
                    + "), not by the target; so were the 2 ports tried before it: " + ports.get(0) + " (pid " + me
                    + "), " + ports.get(1) + " (pid " + me + ")");
            assertThat(said).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("it/taken: port "));
        }
    }

    /**
     * A readiness probe that, on its first look at each of the first {@code takeovers} ports, listens there itself
     * before connecting: this JVM then plays the foreign process that took the port between the runtime's free-port
     * check and the target's bind, an event rather than a race.
     */
    private static final class ForeignTakeover implements ReadinessProbe, AutoCloseable {
        private final int takeovers;
        private final List<ServerSocket> held = new CopyOnWriteArrayList<>();
        private final java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final TcpConnectProbe tcp = new TcpConnectProbe();

        ForeignTakeover(int takeovers) {
            this.takeovers = takeovers;
        }

        @Override
        public boolean isReady(java.net.InetSocketAddress endpoint) throws InterruptedException {
            if (seen.add(endpoint.getPort()) && held.size() < takeovers) {
                try {
                    held.add(new ServerSocket(endpoint.getPort(), 50, endpoint.getAddress()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return tcp.isReady(endpoint);
        }

        List<Integer> taken() {
            return held.stream().map(ServerSocket::getLocalPort).toList();
        }

        @Override
        public void close() throws IOException {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static LocalProcessRuntime runtimeProbingWith(ReadinessProbe probe, List<String> said) {
        return new LocalProcessRuntime(TARGETS, "", Duration.ofSeconds(30),
                new PythonEnvironment(TARGETS, System.getenv(), m -> { }), new CpuAffinity(), PortAllocator.EPHEMERAL,
                probe, said::add);
    }

    @Test
    void aServiceThatNeverListensIsStoppedAtTheTimeout() {
        TargetLaunch silent = new TargetLaunch.Command(List.of("sh", "-c", "echo waiting; exec sleep 60", "{port}"));
        try (LocalProcessRuntime impatient = new LocalProcessRuntime(TARGETS, "", Duration.ofSeconds(1),
                m -> { })) {
            TargetException e = catchThrowableOfType(TargetException.class,
                    () -> impatient.start(request("silent", silent)));
            assertThat(e.getMessage())
                    .matches("it/silent did not accept connections on 127\\.0\\.0\\.1:\\d+ within 1s");
            assertThat(e.exitCode()).isNull();
            assertThat(e.logTail()).containsExactly("waiting");
        }
    }

    @Test
    void closingTheRuntimeStopsWhatItStarted() throws Exception {
        RunningTarget target;
        try (LocalProcessRuntime scoped = new LocalProcessRuntime(TARGETS, "", m -> { })) {
            scoped.prepare();
            target = scoped.start(request("aiohttp", new TargetLaunch.Python(aiohttpArgv())));
            assertThat(target.isAlive()).isTrue();
        }
        assertThat(target.isAlive()).isFalse();
        assertThatThrownBy(() -> runtimeAfterClose().start(request("x", new TargetLaunch.Command(
                List.of("true", "{port}"))))).hasMessageContaining("closed");
    }

    @Test
    void pinProcessMovesEveryThreadOfARunningProcess() throws Exception {
        CpuAffinity affinity = new CpuAffinity();
        assumeTrue(affinity.available(), "taskset is not installed");
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            affinity.pinProcess(sleeper.pid(), "0");
            assertThat(cpusAllowed(sleeper.pid())).isEqualTo("0");
            // a CPU the machine does not have: taskset's own message travels with the exception
            TargetException e = catchThrowableOfType(TargetException.class,
                    () -> affinity.pinProcess(sleeper.pid(), "4095"));
            assertThat(e).hasMessageStartingWith("cannot pin process " + sleeper.pid() + " to CPUs 4095: ")
                    .hasMessageContaining("taskset");
            assertThat(e.exitCode()).isNotZero();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThatThrownBy(() -> affinity.pinProcess(sleeper.pid(), "0"))
                .hasMessage("cannot pin process " + sleeper.pid() + " to CPUs 0: no such process");
    }

    @Test
    void aNonLoopbackHostIsRefused() {
        TargetRequest outside = new TargetRequest("it", "outside",
                new TargetLaunch.Command(List.of("true", "{port}")), "192.0.2.1", Map.of(), work,
                work.resolve("outside.log"));
        assertThatThrownBy(() -> runtime.start(outside)).isInstanceOf(TargetException.class)
                .hasMessageContaining("not a loopback address");
    }

    private static LocalProcessRuntime runtimeAfterClose() {
        LocalProcessRuntime r = new LocalProcessRuntime(TARGETS, "", m -> { });
        r.close();
        return r;
    }

    private static TargetRequest request(String variant, TargetLaunch launch) {
        return new TargetRequest("it", variant, launch, HOST, Map.of(), work,
                work.resolve("logs").resolve(variant + ".log"));
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String mediaType(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("content-type").orElse("");
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String cpusAllowed(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse("");
    }

    /** PEP 503 name normalization, so pip list's "pydantic_core" matches the lock's "pydantic-core". */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
