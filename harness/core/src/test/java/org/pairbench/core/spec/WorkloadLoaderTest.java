package org.pairbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.core.snippet.GuideSnippets;
import org.junit.jupiter.api.io.TempDir;

class WorkloadLoaderTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            name: demo
            description: a demo
            claims: [C3]
            requests:
              hello: {path: /}
            parity: [hello]
            settings:
              backlog: "128"
            variants:
              a:
                python: [a.py, --port, "{port}", --backlog, "{backlog}"]
              b:
                command: ./b --listen {host}:{port}
                settings: {backlog: "256"}
            profiles:
              smoke:
                defaults: {duration: 2s}
                steps:
                  - open: {request: hello, rates: [100/s, 200/s], connections: 4}
                  - closed: {request: hello, connections: [1, 8], duration: 1s}
            """;

    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    private SpecException failure(String text) throws IOException {
        Path f = write("demo", text);
        try {
            WorkloadLoader.load(f);
        } catch (SpecException e) {
            assertThat(e.file()).isEqualTo(f);
            return e;
        }
        throw new AssertionError("expected a SpecException");
    }

    @Test
    void loadsAValidFileWithSweepsExpandedAndDefaultsLayered() throws IOException {
        Workload w = WorkloadLoader.load(write("demo", VALID));
        assertThat(w.variants()).containsOnlyKeys("a", "b");
        assertThat(w.variants().get("a").launch()).isInstanceOf(TargetLaunch.Python.class);
        assertThat(w.variants().get("b").launch().argv()).containsExactly("./b", "--listen", "{host}:{port}");
        assertThat(w.variants().get("a").settings()).containsEntry("backlog", "128");
        assertThat(w.variants().get("b").settings()).containsEntry("backlog", "256");
        LoadProfile smoke = w.profiles().get("smoke");
        assertThat(smoke.steps()).extracting(StepSpec::id).containsExactly(
                "hello-open-100rps", "hello-open-200rps", "hello-closed-1c", "hello-closed-8c");
        assertThat(smoke.steps().get(0).duration()).isEqualTo(Duration.ofSeconds(2)); // profile default
        assertThat(smoke.steps().get(2).duration()).isEqualTo(Duration.ofSeconds(1)); // step's own
        assertThat(smoke.steps().get(0).timeout()).isEqualTo(Defaults.TIMEOUT); // global default
        assertThat(smoke.maxConnections()).isEqualTo(Defaults.WARMUP_CONNECTIONS);
    }

    @Test
    void settingsFillTheirPlaceholdersAndLeaveTheRuntimeOnes() {
        assertThat(WorkloadLoader.applySettings(java.util.List.of("--backlog", "{backlog}", "{port}"),
                java.util.Map.of("backlog", "128"))).containsExactly("--backlog", "128", "{port}");
    }

    @Test
    void aTypoNamesTheFieldAndItsLine() throws IOException {
        SpecException e = failure(VALID.replace("defaults: {duration: 2s}", "defaults: {durration: 2s}"));
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.field()).isEqualTo("profiles.smoke.defaults.durration");
        assertThat(e.getMessage()).contains("demo.yaml:17: profiles.smoke.defaults.durration: unknown field");
    }

    @Test
    void aBareNumberIsNotADuration() throws IOException {
        SpecException e = failure(VALID.replace("duration: 1s", "duration: 1"));
        assertThat(e.line()).isEqualTo(20);
        assertThat(e.field()).isEqualTo("profiles.smoke.steps[1].closed.duration");
        assertThat(e.problem()).contains("not a duration");
    }

    @Test
    void aBadRateIsLocated() throws IOException {
        SpecException e = failure(VALID.replace("[100/s, 200/s]", "[100/s, fast]"));
        assertThat(e.line()).isEqualTo(19);
        assertThat(e.field()).isEqualTo("profiles.smoke.steps[0].open.rates[1]");
    }

    @Test
    void aStepReferringToAnUnknownRequestSaysWhichAreKnown() throws IOException {
        SpecException e = failure(VALID.replace("closed: {request: hello", "closed: {request: helo"));
        assertThat(e.field()).isEqualTo("profiles.smoke.steps[1].closed.request");
        assertThat(e.problem()).contains("no request named 'helo' (known: hello)");
    }

    @Test
    void aLaunchWithoutThePortPlaceholderIsRefused() throws IOException {
        SpecException e = failure(VALID.replace("python: [a.py, --port, \"{port}\",", "python: [a.py,"));
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.field()).isEqualTo("variants.a.python");
        assertThat(e.problem()).contains("{port}");
    }

    @Test
    void anUnknownPlaceholderIsRefused() throws IOException {
        SpecException e = failure(VALID.replace("{backlog}\"]", "{backlogg}\"]"));
        assertThat(e.problem()).contains("unknown placeholder {backlogg}");
    }

    @Test
    void aNonLoopbackHostIsRefused() throws IOException {
        SpecException e = failure(VALID.replace("  b:\n", "  b:\n    host: 10.0.0.7\n"));
        assertThat(e.field()).isEqualTo("variants.b.host");
        assertThat(e.problem()).contains("not a loopback address");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        SpecException e = failure(VALID.replace("  hello: {path: /}", "  hello: {method: GET}"));
        assertThat(e.field()).isEqualTo("requests.hello.path");
        assertThat(e.problem()).isEqualTo("required field is missing");
    }

    @Test
    void yamlSyntaxErrorsCarryTheLine() throws IOException {
        SpecException e = failure(VALID.replace("claims: [C3]", "claims: [C3"));
        assertThat(e.line()).isPositive();
        assertThat(e.problem()).startsWith("YAML syntax");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        SpecException e = failure(VALID.replace("claims: [C3]", "claims: [C3]\nclaims: [C1]"));
        assertThat(e.problem()).contains("duplicate");
    }

    @Test
    void theNameMustMatchTheFile() throws IOException {
        Path f = write("other", VALID);
        assertThatThrownBy(() -> WorkloadLoader.load(f)).isInstanceOf(SpecException.class)
                .hasMessageContaining("other.yaml:1: name: must match the file name ('other')");
    }

    @Test
    void aCorrectedVariantMustNameTheGuideSnippetItCorrects() throws IOException {
        SpecException e = failure(VALID.replace("  b:\n", "  b:\n    guide: {status: corrected}\n"));
        assertThat(e.field()).isEqualTo("variants.b.guide");
        assertThat(e.problem()).contains("'snippet'");
    }

    @Test
    void aGuideSnippetIdIsLookedUpInTheProjectsSnippets() throws IOException {
        Path file = write("demo", VALID.replace("  b:\n", "  b:\n    guide: {status: corrected, snippet: AS/use-hub}\n"));
        GuideSnippets shipped = GuideSnippets.ofProject(PROJECT);
        Workload w = WorkloadLoader.load(file, shipped);
        GuideCode guide = w.variants().get("b").guide();
        assertThat(guide.snippet()).isEqualTo("AS/use-hub");
        assertThat(guide.original()).isEqualTo("eventlet.use_hub('asyncio')");
        assertThat(guide.error()).as("filled in by a run, never typed").isEmpty();

        Path unknown = write("demo", VALID.replace("  b:\n", "  b:\n    guide: {status: corrected, snippet: AS/nope}\n"));
        assertThatThrownBy(() -> WorkloadLoader.load(unknown, shipped)).isInstanceOf(SpecException.class)
                .hasMessageContaining("demo.yaml:")
                .hasMessageContaining("variants.b.guide.snippet: unknown snippet 'AS/nope' (known: ");
    }

    @Test
    void probesAndIdleConnectionsParseAndNameTheirSteps() throws IOException {
        Workload w = WorkloadLoader.load(write("demo", VALID.replace(
                "- closed: {request: hello, connections: [1, 8], duration: 1s}",
                "- closed: {request: hello, connections: 8, idle-connections: 1000, probe: {request: hello, "
                        + "rate: 20/s}}")));
        StepSpec step = w.profiles().get("smoke").steps().get(2);
        assertThat(step.id()).isEqualTo("hello-closed-8c-idle1000-probed");
        assertThat(step.idleConnections()).isEqualTo(1000);
        assertThat(step.probe()).isEqualTo(new StepSpec.Probe("hello", 20));
        // the probe gets as many connections as can have a request in flight: 20/s x the 2 s default timeout
        assertThat(StepSpec.probeStep(step).connections()).isEqualTo(40);
        assertThat(w.profiles().get("smoke").maxConnections()).isEqualTo(8 + 1000 + 40);
    }

    @Test
    void theUpstreamPlaceholderNeedsAnUpstream() throws IOException {
        SpecException e = failure(VALID.replace("python: [a.py, --port, \"{port}\",",
                "python: [a.py, --upstream, \"{upstream}\", --port, \"{port}\","));
        assertThat(e.field()).isEqualTo("variants.a.python");
        assertThat(e.problem()).contains("'upstream: {}'");
        Workload w = WorkloadLoader.load(write("demo", "upstream: {}\n" + VALID.replace(
                "python: [a.py, --port, \"{port}\",", "python: [a.py, --upstream, \"{upstream}\", --port, \"{port}\",")));
        assertThat(w.upstream()).isTrue();
        assertThat(WorkloadLoader.applySettings(w.variants().get("a").launch().argv(),
                java.util.Map.of("upstream", "http://127.0.0.1:9", "backlog", "128")))
                .containsExactly("a.py", "--upstream", "http://127.0.0.1:9", "--port", "{port}", "--backlog", "128");
    }

    @Test
    void headerNamesAndValuesWithCrOrLfAreRefusedWithTheirLine() throws IOException {
        SpecException value = failure(VALID.replace("  hello: {path: /}",
                "  hello:\n    path: /\n    headers: {X-A: \"a\\r\\nX-Injected: 1\"}"));
        assertThat(value.line()).isEqualTo(7);
        assertThat(value.field()).isEqualTo("requests.hello.headers.X-A");
        assertThat(value.getMessage()).contains("control character").contains("a\\x0d\\x0aX-Injected: 1");
        SpecException name = failure(VALID.replace("  hello: {path: /}",
                "  hello:\n    path: /\n    headers: {\"X-A\\nX-B\": b}"));
        assertThat(name.line()).isEqualTo(7);
        assertThat(name.getMessage()).contains("is not an HTTP token");
        assertThat(failure(VALID.replace("  hello: {path: /}", "  hello: {path: /, headers: {\"X A\": b}}"))
                .problem()).contains("is not an HTTP token");
        Workload tab = WorkloadLoader.load(write("demo", VALID.replace("  hello: {path: /}",
                "  hello: {path: /, headers: {X-A: \"a\\tb\"}}")));
        assertThat(tab.requests().get("hello").headers()).containsEntry("X-A", "a\tb");
    }

    @Test
    void headersAndSettingsKeepTheOrderOfTheFile() throws IOException {
        Workload w = WorkloadLoader.load(write("demo", VALID.replace("  hello: {path: /}",
                "  hello: {path: /, headers: {X-D: d, X-A: a, X-C: c, X-B: b}}").replace("  backlog: \"128\"",
                "  backlog: \"128\"\n  zeta: z\n  alpha: a")));
        assertThat(w.requests().get("hello").headers().keySet()).containsExactly("X-D", "X-A", "X-C", "X-B");
        assertThat(w.variants().get("a").settings().keySet()).containsExactly("backlog", "zeta", "alpha");
    }

    @Test
    void tcpAndWebSocketRequestsCarryASize() throws IOException {
        Workload tcp = WorkloadLoader.load(write("demo", VALID.replace("requests:\n  hello: {path: /}",
                "protocol: tcp\nrequests:\n  hello: {size: 64KiB}")));
        assertThat(tcp.protocol()).isEqualTo(Protocol.TCP);
        assertThat(tcp.requests().get("hello").sizeBytes()).isEqualTo(65536);
        Workload ws = WorkloadLoader.load(write("demo", VALID.replace("requests:\n  hello: {path: /}",
                "protocol: websocket\nrequests:\n  hello: {path: /echo, size: 1KiB, frame: text, deflate: true}")));
        RequestSpec r = ws.requests().get("hello");
        assertThat(r.path()).isEqualTo("/echo");
        assertThat(r.text()).isTrue();
        assertThat(r.deflate()).isTrue();
        SpecException e = failure(VALID.replace("requests:\n  hello: {path: /}",
                "protocol: tcp\nrequests:\n  hello: {path: /}"));
        assertThat(e.field()).isEqualTo("requests.hello.path");
        assertThat(e.problem()).contains("unknown field");
    }

    @Test
    void databasePlaceholdersNeedADatabase() throws IOException {
        SpecException e = failure(VALID.replace("python: [a.py, --port, \"{port}\",",
                "python: [a.py, --dsn, \"{pg-dsn}\", --port, \"{port}\","));
        assertThat(e.problem()).contains("'database: postgres'");
        Workload w = WorkloadLoader.load(write("demo", "database: postgres\n" + VALID.replace(
                "python: [a.py, --port, \"{port}\",", "python: [a.py, --dsn, \"{pg-dsn}\", --port, \"{port}\",")));
        assertThat(w.database()).isEqualTo("postgres");
        assertThat(failure("database: mysql\n" + VALID).problem()).contains("not supported");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> WorkloadLoader.load(dir.resolve("nope.yaml"))).isInstanceOf(SpecException.class)
                .hasMessageEndingWith("nope.yaml: file not found");
    }
}
