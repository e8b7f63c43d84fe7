package org.pairbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessLoaderTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            name: demo
            kind: inprocess
            claims: [C5]
            variants:
              eventlet:
                python: [inprocess/tasks_eventlet.py]
              asyncio:
                python: [inprocess/tasks_asyncio.py, --items, "{items}"]
                settings: {items: "10"}
            profiles:
              smoke:
                pyperf: [--processes, "1", --values, "2"]
                steps: [spawn-join]
              full:
                trials: 3
                aa: asyncio
                trial-timeout: 2m
                pyperf: [--fast]
                steps: [spawn-join, park-1000]
            """;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("demo.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void loadsBenchmarkProgramsWithoutPortsAndCasesAsSteps() throws IOException {
        Workload w = WorkloadLoader.load(write(VALID));
        assertThat(w.kind()).isEqualTo(WorkloadKind.INPROCESS);
        assertThat(w.inProcess()).isTrue();
        assertThat(w.requests()).isEmpty();
        assertThat(w.variants().get("asyncio").launch().argv()).containsExactly("inprocess/tasks_asyncio.py",
                "--items", "{items}");
        LoadProfile full = w.profiles().get("full");
        assertThat(full.steps()).extracting(StepSpec::id).containsExactly("spawn-join", "park-1000");
        assertThat(full.steps()).allMatch(s -> s instanceof StepSpec.InProcess && s.connections() == 0);
        assertThat(full.pyperfArgs()).containsExactly("--fast");
        assertThat(full.trials()).isEqualTo(3);
        assertThat(full.aaVariant()).isEqualTo("asyncio");
        assertThat(full.trialTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(w.profiles().get("smoke").trialTimeout()).isEqualTo(InProcessLoader.DEFAULT_TRIAL_TIMEOUT);
    }

    @Test
    void aServiceWorkloadIsStillTheDefaultKind() throws IOException {
        Path f = dir.resolve("svc.yaml");
        Files.writeString(f, """
                name: svc
                requests: {hello: {path: /}}
                variants: {a: {python: [a.py, --port, "{port}"]}}
                profiles: {smoke: {steps: [{closed: {request: hello, connections: 1}}]}}
                """);
        assertThat(WorkloadLoader.load(f).kind()).isEqualTo(WorkloadKind.SERVICE);
    }

    @Test
    void refusesServiceFieldsAHarnessOutputOptionAndRepeatedCasesWithTheirLine() throws IOException {
        Path requests = write(VALID.replace("claims: [C5]", "claims: [C5]\nrequests: {hello: {path: /}}"));
        assertThatThrownBy(() -> WorkloadLoader.load(requests)).isInstanceOf(SpecException.class)
                .hasMessageContaining("demo.yaml:4: requests: not used by an inprocess workload");
        Path output = write(VALID.replace("[--fast]", "[--fast, -o, x.json]"));
        assertThatThrownBy(() -> WorkloadLoader.load(output)).isInstanceOf(SpecException.class)
                .hasMessageContaining(":18: profiles.full.pyperf: '-o' is the harness's to set");
        Path twice = write(VALID.replace("[spawn-join, park-1000]", "[spawn-join, spawn-join]"));
        assertThatThrownBy(() -> WorkloadLoader.load(twice)).isInstanceOf(SpecException.class)
                .hasMessageContaining("step 'spawn-join' appears twice");
        Path kind = write(VALID.replace("kind: inprocess", "kind: batch"));
        assertThatThrownBy(() -> WorkloadLoader.load(kind)).isInstanceOf(SpecException.class)
                .hasMessageContaining(":2: kind: 'batch' is not a workload kind (service, inprocess)");
    }
}
