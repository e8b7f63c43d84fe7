package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.LoadProfile;

/** The verdict rules on constructed runs: each verdict, and what it must always carry. */
class ClaimsJudgeTest {
    private static ClaimVerdict only(RunSummary run, ClaimSpec spec) {
        ClaimsReport r = ClaimsJudge.judge(run, List.of(spec));
        assertThat(r.claims()).hasSize(1);
        return r.claims().get(0);
    }

    @Test
    void aClearImprovementIsSupportedWithItsIntervalAndTrials() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 102, 98, 101)
                .throughput("b", 200, 205, 195, 199).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.1, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.effect()).isBetween(1.95, 2.05);
        assertThat(v.ciLow()).isGreaterThan(1.1).isLessThanOrEqualTo(v.effect());
        assertThat(v.ciHigh()).isGreaterThanOrEqualTo(v.effect());
        assertThat(v.trials()).isEqualTo(4);
        assertThat(v.pairedTrials()).containsExactly(1, 2, 3, 4);
        assertThat(v.baselineValues()).containsExactly(100.0, 102.0, 98.0, 101.0);
        assertThat(v.reason()).contains("interval above 1.10").contains("no A/A series");
        assertThat(v.evidence()).isEqualTo("#w-demo");
    }

    @Test
    void lowerIsBetterMetricsAreInvertedSoAboveOneStillMeansBetter() {
        // b has twice the throughput, so half the p99
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 100, 100)
                .throughput("b", 200, 200, 200).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.P99, 1.0, ClaimSpec.MEAN));
        assertThat(v.effect()).isEqualTo(2.0);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.unit()).isEqualTo("us");
    }

    @Test
    void aCandidateWorseThanTheThresholdIsRefuted() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 101, 99)
                .throughput("b", 80, 81, 79).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(v.ciHigh()).isLessThan(1.0);
        assertThat(v.reason()).contains("interval below");
    }

    @Test
    void anIntervalStraddlingTheThresholdIsInconclusive() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 100, 100)
                .throughput("b", 90, 115, 100).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(v.ciLow()).isLessThan(1.0);
        assertThat(v.ciHigh()).isGreaterThan(1.0);
        assertThat(v.reason()).contains("straddles");
    }

    @Test
    void anEffectInsideTheAaNoiseIsInconclusive() {
        // b is 5% better every trial, but two measurements of a itself differ by 10%
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 100, 100)
                .throughput("a" + LoadProfile.AA_SUFFIX, 110, 110, 110).throughput("b", 105, 105, 105).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN));
        assertThat(v.ciLow()).isGreaterThan(1.0);
        assertThat(v.noisePct()).isEqualTo(10.0);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(v.reason()).contains("within the noise").contains("A/A noise of a at this step");
    }

    @Test
    void fewerThanTwoValidPairsIsNoDataAndSaysWhichTrialsWereLeftOut() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 100)
                .throughput("b", 200).invalid("b", 2, 10).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.NO_DATA);
        assertThat(v.effect()).isNull();
        assertThat(v.ciLow()).isNull();
        assertThat(v.trials()).isZero();
        assertThat(v.reason()).contains("1 paired trial(s) valid").contains("b t2 INVALID (generator lag 5ms)");
    }

    @Test
    void aMissingMetricOrVariantOrParityIsNoData() {
        RunSummary noProbe = new Runs().variant("a").variant("b").throughput("a", 1, 2).throughput("b", 1, 2)
                .summary();
        assertThat(only(noProbe, Runs.spec("a", "b", Metric.PROBE_P99, 1.0, ClaimSpec.MEAN)).reason())
                .contains("has no probe-p99 value");
        RunSummary oneVariant = new Runs().variant("a").throughput("a", 1, 2).summary();
        assertThat(only(oneVariant, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN)).reason())
                .isEqualTo("variant b was not in this run's demo");
        WorkloadResult w = new Runs().variant("a").variant("b").workload();
        WorkloadResult failed = new WorkloadResult(w.workload(), w.description(), w.claims(), w.profile(),
                w.variants(), new ParityResult(ParityResult.FAILED, List.of(), "b answered 'hullo'"), List.of(),
                List.of());
        RunSummary parity = new RunSummary(RunSummary.SCHEMA, "r", "complete", "t", "t", "s", "local",
                List.of(failed));
        ClaimVerdict v = only(parity, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.NO_DATA);
        assertThat(v.reason()).contains("parity failed (b answered 'hullo')");
    }

    @Test
    void correctedGuideCodeIsBrokenAndStillCarriesTheMeasuredEffect() {
        RunSummary run = new Runs().variant("a").corrected("b", "AttributeError: no use_hub")
                .throughput("a", 100, 101, 99).throughput("b", 200, 202, 198).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.MEAN));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.BROKEN);
        assertThat(v.guideCode()).contains("AttributeError: no use_hub");
        assertThat(v.effect()).isBetween(1.9, 2.1);
        assertThat(v.ciLow()).isNotNull();
        assertThat(v.trials()).isEqualTo(3);
        assertThat(v.reason()).startsWith("guide code does not run as written").contains("measures supported");
    }

    @Test
    void aCvClaimComparesPredictability() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 150, 60, 130, 70, 140)
                .throughput("b", 100, 101, 99, 100, 101, 99).summary();
        ClaimVerdict v = only(run, Runs.spec("a", "b", Metric.THROUGHPUT, 1.0, ClaimSpec.CV));
        assertThat(v.statistic()).isEqualTo(ClaimSpec.CV);
        assertThat(v.direction()).isEqualTo(ClaimSpec.LOWER_IS_BETTER);
        assertThat(v.effect()).isGreaterThan(10);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.noisePct()).isNull();
    }

    @Test
    void claimsOfWorkloadsTheRunDidNotMeasureAreLeftOut() {
        RunSummary run = new Runs().variant("a").variant("b").summary();
        ClaimSpec other = new ClaimSpec("C7/x", "C7", "w", "p", "websocket-echo", "a", "b", Metric.THROUGHPUT,
                Runs.STEP, ClaimSpec.HIGHER_IS_BETTER, 1.0, ClaimSpec.MEAN);
        assertThat(ClaimsJudge.judge(run, List.of(other)).claims()).isEmpty();
    }
}
