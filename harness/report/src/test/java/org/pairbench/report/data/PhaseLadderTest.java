package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.Metric;

class PhaseLadderTest {
    /** Phases listed out of alphabetical order: the workload's order is the ladder's. */
    static final List<VariantInfo> PHASES = List.of(phase("p0-eventlet", "0"), phase("p2-awaitlet", "2"),
            phase("p1-asyncio-hub", "1"));

    static VariantInfo phase(String name, String phase) {
        return new VariantInfo(name, "", List.of(), Map.of("phase", phase, "backlog", "2048"), null);
    }

    /** A step whose throughput (ok responses over 2 s) is {@code okPerSec} and whose corrected p99 is {@code p99Us}. */
    static StepResult step(String variant, int trial, String mode, int connections, Double rate, double okPerSec,
                           double p99Us, boolean valid, String status) {
        String id = "item-" + mode + "-" + (rate == null ? connections + "c" : Math.round(rate) + "rps");
        LatencySummary l = new LatencySummary(1000, p99Us / 2, p99Us / 2, p99Us / 1.5, p99Us, p99Us * 2, p99Us * 3);
        return new StepResult(variant, trial, id, mode, "item", connections, rate, okPerSec + 7, 2,
                new OutcomeCounts(Math.round(okPerSec * 2), 14, 0, 0, 0, 0), l, l, l,
                new GeneratorHealth(0.2, 10, 20, valid, valid ? null : "lag"), null, null, status, null);
    }

    static List<StepResult> run() {
        List<StepResult> steps = new ArrayList<>();
        for (int trial = 1; trial <= 3; trial++) {
            for (VariantInfo p : PHASES) {
                double base = 1000 * (1 + Integer.parseInt(p.settings().get("phase")));
                for (int c : new int[] {1, 64, 16}) {
                    steps.add(step(p.name(), trial, "closed", c, null, base * c / 64 + trial, 5000, true,
                            StepResult.OK));
                }
                steps.add(step(p.name(), trial, "open", 64, 500.0, 500, base + 100 * trial,
                        !(p.name().equals("p2-awaitlet") && trial == 3), StepResult.OK));
                steps.add(step(p.name(), trial, "open", 64, 200.0, 200, base / 2, true, StepResult.OK));
            }
            steps.add(step("p0-eventlet.aa", trial, "closed", 64, null, 9999, 1, true, StepResult.OK));
        }
        steps.add(step("p1-asyncio-hub", 4, "closed", 64, null, 1, 1, true, StepResult.FAILED));
        return steps;
    }

    @Test
    void throughputIsReadAtTheTopOfTheSweepPhaseByPhaseWithTheTrialsSpread() {
        List<PhaseLadder> ladders = PhaseLadder.throughput(PHASES, run());

        PhaseLadder l = ladders.get(0);
        assertThat(ladders).hasSize(1);
        assertThat(l.metric()).isEqualTo(Metric.THROUGHPUT);
        assertThat(l.stepId()).isEqualTo("item-closed-64c");
        assertThat(l.label()).isEqualTo("item @ 64 conn");
        assertThat(l.rungs()).extracting(PhaseLadder.Rung::variant)
                .containsExactly("p0-eventlet", "p2-awaitlet", "p1-asyncio-hub");
        assertThat(l.rungs()).extracting(PhaseLadder.Rung::phase).containsExactly("0", "2", "1");
        // ok responses only (the claims' throughput), not every response: the median, lowest and highest trial
        PhaseLadder.Rung awaitlet = l.rungs().get(1);
        assertThat(awaitlet.trials()).hasSize(3);
        assertThat(awaitlet.median()).isEqualTo(3002.0);
        assertThat(awaitlet.low()).isEqualTo(3001.0);
        assertThat(awaitlet.high()).isEqualTo(3003.0);
        // the failed fourth trial is left out
        assertThat(l.rungs().get(2).trials()).extracting(PhaseLadder.Trial::trial).containsExactly(1, 2, 3);
    }

    @Test
    void p99IsReadAtEachFixedRateInRateOrderAndInvalidTrialsStayOutOfTheRung() {
        List<PhaseLadder> ladders = PhaseLadder.p99AtFixedRate(PHASES, run());

        assertThat(ladders).extracting(PhaseLadder::stepId).containsExactly("item-open-200rps", "item-open-500rps");
        assertThat(ladders).extracting(PhaseLadder::label).containsExactly("item @ 200/s", "item @ 500/s");
        PhaseLadder.Rung awaitlet = ladders.get(1).rungs().get(1);
        assertThat(awaitlet.trials()).extracting(PhaseLadder.Trial::valid).containsExactly(true, true, false);
        assertThat(awaitlet.median()).isEqualTo(3150.0);
        assertThat(awaitlet.low()).isEqualTo(3100.0);
        assertThat(awaitlet.high()).isEqualTo(3200.0);
    }

    @Test
    void aPhaseWithoutTheStepLeavesAnEmptyRungAndNoPhaseAtAllNoLadder() {
        List<StepResult> steps = run().stream().filter(s -> !s.variant().equals("p2-awaitlet")).toList();

        PhaseLadder l = PhaseLadder.throughput(PHASES, steps).get(0);

        assertThat(l.rungs()).hasSize(3);
        assertThat(l.rungs().get(1).trials()).isEmpty();
        assertThat(l.rungs().get(1).median()).isNull();
        assertThat(PhaseLadder.throughput(PHASES, List.of())).isEmpty();
        // every trial INVALID: still a ladder, of crosses, with no median anywhere
        List<StepResult> invalid = run().stream().map(st -> step(st.variant(), st.trial(), st.mode(),
                st.connections(), st.intendedRatePerSec(), 500, 1000, false, st.status())).toList();
        assertThat(PhaseLadder.p99AtFixedRate(PHASES, invalid)).hasSize(2).allSatisfy(p -> {
            assertThat(p.isEmpty()).isFalse();
            assertThat(p.rungs()).allSatisfy(r -> assertThat(r.median()).isNull());
        });
        assertThat(PhaseLadder.p99AtFixedRate(PHASES, steps.stream().filter(s -> s.mode().equals("closed"))
                .toList())).isEmpty();
    }

    @Test
    void aWorkloadIsALadderWhenEveryVariantButTheTwinNamesItsPhase() {
        List<VariantInfo> withTwin = new ArrayList<>(PHASES);
        withTwin.add(new VariantInfo("p0-eventlet.aa", "", List.of(), Map.of(), null));
        List<VariantInfo> oneWithout = new ArrayList<>(PHASES);
        oneWithout.add(new VariantInfo("other", "", List.of(), Map.of("backlog", "2048"), null));

        assertThat(PhaseLadder.phases(workload(withTwin))).containsExactlyElementsOf(PHASES);
        assertThat(PhaseLadder.phases(workload(oneWithout))).isEmpty();
        assertThat(PhaseLadder.phases(workload(List.of()))).isEmpty();
    }

    private static WorkloadResult workload(List<VariantInfo> variants) {
        return new WorkloadResult("migration-path", "", List.of("C27"), "full", variants,
                new ParityResult(ParityResult.PASSED, List.of(), null), List.of(), List.of());
    }
}
