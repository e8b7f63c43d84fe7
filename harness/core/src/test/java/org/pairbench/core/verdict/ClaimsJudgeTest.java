package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.LoadProfile;

/** The verdict of each hypothesis on constructed runs, and what every verdict must carry. */
class ClaimsJudgeTest {
    private static ClaimVerdict only(RunSummary run, ClaimSpec spec) {
        ClaimsReport r = ClaimsJudge.judge(run, List.of(spec));
        assertThat(r.claims()).hasSize(1);
        return r.claims().get(0);
    }

    private static Runs ab() {
        return new Runs().variant("a").variant("b");
    }

    @Test
    void aClearImprovementIsSupportedWithItsIntervalTrialsAndSource() {
        RunSummary run = ab().throughput("a", 100, 102, 98, 101).throughput("b", 200, 205, 195, 199).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.1));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.hypothesis()).isEqualTo("better");
        assertThat(v.factor()).isEqualTo(1.1);
        assertThat(v.margin()).isNull();
        assertThat(v.scale()).isEqualTo(ClaimVerdict.RATIO);
        assertThat(v.effect()).isBetween(1.95, 2.05);
        assertThat(v.ciLow()).isGreaterThan(1.1).isLessThanOrEqualTo(v.effect());
        assertThat(v.ciHigh()).isGreaterThanOrEqualTo(v.effect());
        assertThat(v.trials()).isEqualTo(4);
        assertThat(v.pairedTrials()).containsExactly(1, 2, 3, 4);
        assertThat(v.baselineValues()).containsExactly(100.0, 102.0, 98.0, 101.0);
        assertThat(v.reason()).startsWith("better by at least 1.10x: interval above 1.10")
                .contains("no A/A series");
        assertThat(v.source()).isEqualTo(Runs.SOURCE);
        assertThat(v.broken()).isFalse();
        assertThat(v.evidence()).isEqualTo("#w-demo");
    }

    @Test
    void lowerIsBetterMetricsAreInvertedSoAboveOneStillMeansBetter() {
        // b has twice the throughput, so half the p99
        RunSummary run = ab().throughput("a", 100, 100, 100).throughput("b", 200, 200, 200).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.P99, 1.0));
        assertThat(v.effect()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.unit()).isEqualTo("us");
    }

    @Test
    void aCandidateNoBetterThanTheFactorRefutesSuperiority() {
        RunSummary run = ab().throughput("a", 100, 101, 99).throughput("b", 80, 81, 79).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(v.ciHigh()).isLessThan(1.0);
        // measured exactly equal: not better, so refuted too
        RunSummary same = ab().throughput("a", 100, 120, 90).throughput("b", 100, 120, 90).summary();
        assertThat(only(same, Runs.better("a", "b", Metric.THROUGHPUT, 1.0)).verdict()).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void anIntervalStraddlingTheFactorIsInconclusive() {
        RunSummary run = ab().throughput("a", 100, 100, 100).throughput("b", 90, 115, 100).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(v.ciLow()).isLessThan(1.0);
        assertThat(v.ciHigh()).isGreaterThan(1.0);
        assertThat(v.reason()).contains("straddles");
    }

    @Test
    void equivalenceNeedsTheWholeIntervalInsideTheMarginAndTenTimesIsNotTheSame() {
        RunSummary same = ab().throughput("a", 100, 110, 95, 105).throughput("b", 101, 109, 96, 104).summary();
        ClaimVerdict v = only(same, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.SAME, 0.10, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.margin()).isEqualTo(0.10);
        assertThat(v.factor()).isNull();
        RunSummary tenfold = ab().throughput("a", 100, 110, 95).throughput("b", 1000, 1100, 950).summary();
        assertThat(only(tenfold, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.SAME, 0.10, ClaimSpec.MEAN))
                .verdict()).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void nonInferiorityAllowsTheMarginAndNoMore() {
        RunSummary slightlyWorse = ab().throughput("a", 100, 100, 100).throughput("b", 97, 96, 98).summary();
        assertThat(only(slightlyWorse, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.NOT_WORSE, 0.10,
                ClaimSpec.MEAN)).verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        RunSummary halved = ab().throughput("a", 100, 100, 100).throughput("b", 50, 52, 49).summary();
        assertThat(only(halved, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.NOT_WORSE, 0.10,
                ClaimSpec.MEAN)).verdict()).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void countsAreComparedAsADifferenceNeverAsARatio() {
        // a opens a connection per upstream call, b none: a ratio would be 0 (or infinite the other way)
        RunSummary run = ab().upstream("a", 1000, 1000, 999).upstream("b", 0, 0, 0).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.UPSTREAM_CONNECTIONS_PER_REQUEST, Hypothesis.FEWER, 0,
                ClaimSpec.MEAN));
        assertThat(v.scale()).isEqualTo(ClaimVerdict.DIFFERENCE);
        assertThat(v.effect()).isBetween(-1.0, -0.99);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.reason()).contains("b minus a");
        ClaimVerdict more = only(run, Runs.spec("a", "b", Metric.UPSTREAM_CONNECTIONS_PER_REQUEST, Hypothesis.MORE,
                0, ClaimSpec.MEAN));
        assertThat(more.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        // both open none: not fewer (refuted at margin 0), but within a margin of 0.01 per request
        RunSummary none = ab().upstream("a", 0, 0, 0).upstream("b", 0, 0, 0).summary();
        assertThat(only(none, Runs.spec("a", "b", Metric.UPSTREAM_CONNECTIONS_PER_REQUEST, Hypothesis.FEWER, 0,
                ClaimSpec.MEAN)).verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(only(none, Runs.spec("a", "b", Metric.UPSTREAM_CONNECTIONS_PER_REQUEST, Hypothesis.FEWER, 0.01,
                ClaimSpec.MEAN)).verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
    }

    @Test
    void anAaSeriesThatDiffersMakesTheClaimUnjudgeableAndSaysWhatTheIntervalAloneSays() {
        // b is 5% better every trial, but two measurements of a itself differ by 10% every trial
        RunSummary run = ab().throughput("a", 100, 101, 99).throughput("a" + LoadProfile.AA_SUFFIX, 110, 111, 109)
                .throughput("b", 105, 106, 104).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.ciLow()).isGreaterThan(1.0);
        assertThat(v.aa().differs()).isTrue();
        assertThat(v.aa().variant()).isEqualTo("a");
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(v.reason()).startsWith("this run cannot judge it: its A/A series differs here")
                .contains("the interval alone says supported");
    }

    @Test
    void anAaSeriesThatAgreesIsNamedAndTheVerdictStands() {
        RunSummary run = ab().throughput("a", 100, 103, 98).throughput("a" + LoadProfile.AA_SUFFIX, 101, 99, 100)
                .throughput("b", 200, 206, 196).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.aa().differs()).isFalse();
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.reason()).contains("A/A a.aa vs a").contains("no difference");
    }

    @Test
    void fewerThanTwoValidPairsIsNoDataAndSaysWhichTrialsWereLeftOut() {
        RunSummary run = ab().throughput("a", 100, 100).throughput("b", 200).invalid("b", 2, 10).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.NO_DATA);
        assertThat(v.effect()).isNull();
        assertThat(v.ciLow()).isNull();
        assertThat(v.trials()).isZero();
        assertThat(v.reason()).contains("1 paired trial(s) valid").contains("b t2 INVALID (generator lag 5ms)");
    }

    @Test
    void aMissingMetricOrVariantOrParityIsNoData() {
        RunSummary noProbe = ab().throughput("a", 1, 2).throughput("b", 1, 2).summary();
        assertThat(only(noProbe, Runs.better("a", "b", Metric.PROBE_P99, 1.0)).reason())
                .contains("has no probe-p99 value");
        RunSummary oneVariant = new Runs().variant("a").throughput("a", 1, 2).summary();
        assertThat(only(oneVariant, Runs.better("a", "b", Metric.THROUGHPUT, 1.0)).reason())
                .isEqualTo("variant b was not in this run's demo");
        WorkloadResult w = ab().workload();
        WorkloadResult failed = new WorkloadResult(w.workload(), w.description(), w.claims(), w.profile(),
                w.variants(), new ParityResult(ParityResult.FAILED, List.of(), "b answered 'hullo'"), List.of(),
                List.of());
        RunSummary parity = new RunSummary(RunSummary.SCHEMA, "r", "complete", "t", "t", "s", "local",
                List.of(failed));
        ClaimVerdict v = only(parity, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.NO_DATA);
        assertThat(v.reason()).contains("parity failed (b answered 'hullo')");
    }

    @Test
    void brokenIsAFlagBesideTheVerdictOfTheCorrectedCode() {
        RunSummary run = new Runs().variant("a").corrected("b", "AttributeError: no use_hub")
                .throughput("a", 100, 101, 99).throughput("b", 200, 202, 198).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.0));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.broken()).isTrue();
        assertThat(v.guideCode()).contains("AttributeError: no use_hub");
        assertThat(v.effect()).isBetween(1.9, 2.1);
    }

    @Test
    void aCvClaimComparesPredictability() {
        RunSummary run = ab().throughput("a", 100, 150, 60, 130, 70, 140)
                .throughput("b", 100, 101, 99, 100, 101, 99).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.BETTER, 1.0, ClaimSpec.CV));
        assertThat(v.statistic()).isEqualTo(ClaimSpec.CV);
        assertThat(v.direction()).isEqualTo(ClaimSpec.LOWER_IS_BETTER);
        assertThat(v.effect()).isGreaterThan(10);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        // no spread on one side: no finite ratio, so no verdict
        RunSummary flat = ab().throughput("a", 100, 150, 60).throughput("b", 100, 100, 100).summary();
        ClaimVerdict none = only(flat, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.BETTER, 1.0, ClaimSpec.CV));
        assertThat(none.verdict()).isEqualTo(ClaimVerdict.NO_DATA);
        assertThat(none.reason()).contains("no spread to compare");
    }

    @Test
    void claimsOfWorkloadsTheRunDidNotMeasureAreLeftOut() {
        RunSummary run = ab().summary();
        ClaimSpec other = new ClaimSpec("C7/x", "C7", Runs.SOURCE, "websocket-echo", "a", "b", Metric.THROUGHPUT,
                Runs.STEP, Hypothesis.BETTER, 1.0, Double.NaN, ClaimSpec.MEAN);
        assertThat(ClaimsJudge.judge(run, List.of(other)).claims()).isEmpty();
    }
}
