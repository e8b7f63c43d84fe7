package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.PlannedWallTime;

class RunPlanTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void variantsAreInterleavedABBA() {
        assertThat(RunPlan.interleave(List.of("a", "b"), 4)).extracting(t -> t.variant() + t.number())
                .containsExactly("a1", "b1", "b2", "a2", "a3", "b3", "b4", "a4");
        assertThat(RunPlan.interleave(List.of("a", "b", "c"), 2)).extracting(t -> t.variant() + t.number())
                .containsExactly("a1", "b1", "c1", "c2", "b2", "a2");
    }

    @Test
    void eachVariantGetsEveryTrialOnce() {
        var trials = RunPlan.interleave(List.of("x", "y", "z"), 5);
        assertThat(trials).hasSize(15);
        for (String v : List.of("x", "y", "z")) {
            assertThat(trials.stream().filter(t -> t.variant().equals(v)).map(RunPlan.Trial::number))
                    .containsExactly(1, 2, 3, 4, 5).as(v);
        }
    }

    private static RunOptions options(String suite, List<String> workloads, int trials) {
        return new RunOptions(PROJECT, suite, workloads, Path.of("/tmp/x"), "local", trials, 1, "", "",
                Duration.ofMillis(1), Duration.ZERO, false, List.of());
    }

    @Test
    void aSuiteResolvesItsWorkloadsWithItsProfile() {
        RunPlan plan = Runs.plan(options("quick", List.of(), 0));
        assertThat(plan.workloads()).extracting(w -> w.workload().name()).contains("http-hello");
        RunPlan.WorkloadPlan hello = plan.workloads().get(0);
        assertThat(hello.profile().name()).isEqualTo("quick");
        assertThat(hello.trials()).hasSize(hello.workload().variants().size() * hello.profile().trials());
        assertThat(plan.plannedSeconds()).isEqualTo(PlannedWallTime.RUN_START_SEC + plan.workloads().stream()
                .mapToDouble(w -> w.paritySeconds() + w.trialSeconds() * w.trials().size()).sum());
    }

    @Test
    void anAaVariantIsMeasuredTwiceUnderATwinName() {
        var w = org.pairbench.core.spec.WorkloadLoader.load(PROJECT.resolve("workloads/http-hello.yaml"));
        var twin = RunPlan.withAaTwin(w, "aiohttp");
        assertThat(twin.variants().keySet()).containsExactly("eventlet-wsgi", "aiohttp", "fastapi-uvicorn",
                "aiohttp.aa");
        assertThat(twin.variants().get("aiohttp.aa").launch()).isEqualTo(w.variants().get("aiohttp").launch());
        assertThat(RunPlan.withAaTwin(w, null)).isSameAs(w);
    }

    @Test
    void trialsCanBeOverridden() {
        RunPlan plan = Runs.plan(options("smoke", List.of("http-hello"), 2));
        assertThat(plan.workloads().get(0).trials()).hasSize(2 * 3);
    }

    @Test
    void aWorkloadWithoutTheSuitesProfileIsAClearError() {
        assertThatThrownBy(() -> Runs.plan(options(PROJECT.resolve("harness/cli/src/test/resources/fixtures/"
                + "odd-suite.yaml").toString(), List.of(), 0)))
                .hasMessageContaining("workload 'http-hello'").hasMessageContaining("has no profile 'nonesuch'");
    }

    @Test
    void anUnknownSuiteListsTheKnownOnes() {
        assertThatThrownBy(() -> Runs.plan(options("quik", List.of(), 0)))
                .hasMessageContaining("no suite named 'quik'").hasMessageContaining("quick");
    }
}
