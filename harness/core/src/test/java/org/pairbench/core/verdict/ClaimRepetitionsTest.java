package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;

/** Each judged claim's allocation of repetitions, from per-interval values handed in for its steps. */
class ClaimRepetitionsTest {
    /** Three 1 s intervals per step at 0.9, 1.1 and 1 times the step's throughput; 4 s before each step. */
    private static final StepIntervals SPREAD = (step, metric) -> {
        double t = step.achievedRatePerSec();
        return new StepIntervals.Reading(new double[] {0.9 * t, 1.1 * t, t}, 1, 3, 4, null);
    };

    private static ClaimVerdict only(RunSummary run, ClaimSpec spec, StepIntervals logs) {
        List<ClaimVerdict> v = ClaimsJudge.judge(run, List.of(spec), logs).claims();
        assertThat(v).hasSize(1);
        return v.get(0);
    }

    @Test
    void aThroughputClaimGetsTheComponentsOfItsLogRatiosAndAPlan() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 100, 100)
                .throughput("b", 200, 210, 190).summary();
        Repetitions r = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.1), SPREAD).repetitions();
        double[] d = {Math.log(2), Math.log(2.1), Math.log(1.9)};
        assertThat(r.betweenTrialMeans()).isCloseTo(PairedInterval.variance(d), within(1e-12));
        // a: relative variance of an interval 0.01; b: 0.01 · mean(t²)/mean(t)² = 0.010017
        assertThat(r.withinTrials()).isCloseTo(0.01 + 0.01 * (200 * 200 + 210 * 210 + 190 * 190) / 3 / 40000,
                within(1e-12));
        assertThat(r.betweenTrials()).isCloseTo(Math.max(0, r.betweenTrialMeans() - r.withinTrials() / 3),
                within(1e-12));
        assertThat(r.intervalsPerTrial()).isEqualTo(3.0);
        assertThat(r.trialCostSec()).isEqualTo(4.0);
        assertThat(r.intervalSec()).isEqualTo(1.0);
        assertThat(r.target()).isEqualTo(RepetitionPlan.DEFAULT_TARGET);
        double optimal = Math.ceil(Math.sqrt(4 * r.withinTrials() / r.betweenTrials()));
        assertThat(r.optimalSecondsPerTrial()).isEqualTo(Math.min(optimal, 30));
        assertThat(r.trialsNeeded()).isBetween(2, RepetitionPlan.MAX_TRIALS);
        // better by 1.1: the effect (the geometric mean of 2, 2.1 and 1.9) lies that much above its threshold
        double effect = Math.exp((d[0] + d[1] + d[2]) / 3);
        assertThat(r.thresholdDistance()).isCloseTo(effect / 1.1 - 1, within(1e-12));
        assertThat(r.trialsToDecide()).isBetween(2, r.trialsNeeded());
        assertThat(r.sentence()).contains(r.trialsNeeded() + " trials of ")
                .contains(" would narrow this interval to ±5% (now ±").contains(" from 3 trials of 3 s); " + r.trialsToDecide()
                        + " would decide the claim if the effect stayed ");
    }

    @Test
    void claimsWithoutPerIntervalValuesSayWhy() {
        RunSummary counts = new Runs().variant("a").variant("b").upstream("a", 1000, 1000, 999)
                .upstream("b", 0, 0, 0).summary();
        Repetitions r = only(counts, Runs.spec("a", "b", Metric.UPSTREAM_CONNECTIONS_PER_REQUEST, Hypothesis.FEWER,
                0, ClaimSpec.MEAN), SPREAD).repetitions();
        assertThat(r.sentence()).isEqualTo("no allocation: a count per request has no value per 1 s interval");
        assertThat(r.trialsNeeded()).isNull();
        assertThat(r.betweenTrialMeans()).isNull();
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 101, 99)
                .throughput("b", 200, 210, 190).summary();
        assertThat(only(run, Runs.spec("a", "b", Metric.THROUGHPUT, Hypothesis.BETTER, 1, ClaimSpec.CV), SPREAD)
                .repetitions().sentence()).startsWith("no allocation: a cv claim compares the trials' spreads");
        assertThat(only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.1), StepIntervals.NONE).repetitions()
                .sentence()).isEqualTo("no allocation: a t1: the interval logs were not read");
        StepIntervals oneEach = (step, metric) -> new StepIntervals.Reading(new double[] {1}, 1, 1, 4, null);
        assertThat(only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.1), oneEach).repetitions().sentence())
                .isEqualTo("no allocation: a side has one measured interval per trial: no within-trial spread");
        StepIntervals empty = (step, metric) -> new StepIntervals.Reading(new double[0], 1, 1, 4, null);
        assertThat(only(run, Runs.better("a", "b", Metric.P99, 1.1), empty).repetitions().sentence())
                .isEqualTo("no allocation: a t1 has no measured interval with a p99 value");
    }

    @Test
    void aClaimWithoutDataHasNoAllocation() {
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100).throughput("b", 200).summary();
        ClaimVerdict v = only(run, Runs.better("a", "b", Metric.THROUGHPUT, 1.1), SPREAD);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.NO_DATA);
        assertThat(v.repetitions()).isNull();
    }

    @Test
    void eachPairedTrialOfBothSidesIsRead() {
        List<String> read = new java.util.ArrayList<>();
        StepIntervals recording = (StepResult step, Metric metric) -> {
            read.add(step.variant() + " t" + step.trial() + " " + step.step() + " " + metric.key());
            return SPREAD.read(step, metric);
        };
        RunSummary run = new Runs().variant("a").variant("b").throughput("a", 100, 100, 100)
                .throughput("b", 200, 210, 190).summary();
        only(run, Runs.better("a", "b", Metric.P99, 1.1), recording);
        assertThat(read).containsExactly("a t1 " + Runs.STEP + " p99", "a t2 " + Runs.STEP + " p99",
                "a t3 " + Runs.STEP + " p99", "b t1 " + Runs.STEP + " p99", "b t2 " + Runs.STEP + " p99",
                "b t3 " + Runs.STEP + " p99");
    }
}
