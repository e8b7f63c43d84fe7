package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RepetitionPlan} on series with known variance components: fixed seeds, bounds derived from the
 * parameters (several standard errors of each estimate wide), exact figures on small hand-worked series.
 */
class RepetitionPlanTest {
    /** Trial-level sd and interval-level sd of the synthetic two-level series. */
    private static final double SD_TRIAL = 3;
    private static final double SD_INTERVAL = 10;

    @Test
    void componentsOfAHandWorkedSeries() {
        // trial means 2 and 6: S1² = 8; deviations ±1 in each trial: S2² = 4/2 = 2; T1² = 8 - 2/2 = 7
        RepetitionPlan.Components c = RepetitionPlan.Components.of(new double[][] {{1, 3}, {5, 7}});
        assertThat(c.trials()).isEqualTo(2);
        assertThat(c.intervalsPerTrial()).isEqualTo(2);
        assertThat(c.betweenTrialMeans()).isCloseTo(8, within(1e-12));
        assertThat(c.withinTrials()).isCloseTo(2, within(1e-12));
        assertThat(c.betweenTrials()).isCloseTo(7, within(1e-12));
        assertThat(c.mean()).isCloseTo(4, within(1e-12));
        RepetitionPlan.Components r = c.relative();
        assertThat(r.withinTrials()).isCloseTo(2.0 / 16, within(1e-12));
        assertThat(r.betweenTrials()).isCloseTo(7.0 / 16, within(1e-12));
    }

    @Test
    void componentsRecoverTheVariancesTheSeriesWasDrawnWith() {
        int trials = 400;
        int intervals = 50;
        double[][] v = twoLevel(new Random(12), trials, intervals, 1000, SD_TRIAL, SD_INTERVAL);
        RepetitionPlan.Components c = RepetitionPlan.Components.of(v);
        double within = SD_INTERVAL * SD_INTERVAL;
        double between = SD_TRIAL * SD_TRIAL;
        // S2² has trials·(intervals-1) = 19,600 df: relative standard error sqrt(2/df) = 1%; 5% is 5 of them
        assertThat(c.withinTrials()).isCloseTo(within, within(0.05 * within));
        // S1² has 399 df (7% relative standard error) around T1² + S2²/n2 = 9 + 2: 25% is 3.5 of them
        double s1 = between + within / intervals;
        assertThat(c.betweenTrialMeans()).isCloseTo(s1, within(0.25 * s1));
        assertThat(c.betweenTrials()).isCloseTo(between, within(0.3 * s1));
    }

    @Test
    void betweenTrialsIsClippedAtZeroWhenTheMeansScatterLessThanTheirIntervalsPredict() {
        // equal trial means: S1² = 0, so T1² = 0 - S2²/n2 clips to 0
        RepetitionPlan.Components c = RepetitionPlan.Components.of(new double[][] {{1, 3}, {3, 1}, {2, 2}});
        assertThat(c.betweenTrialMeans()).isZero();
        assertThat(c.betweenTrials()).isZero();
        assertThat(c.withinTrials()).isGreaterThan(0);
    }

    @Test
    void seriesWithoutTwoLevelsAreRefused() {
        assertThatThrownBy(() -> RepetitionPlan.Components.of(new double[][] {{1, 2, 3}}))
                .hasMessageContaining("at least 2 trials");
        assertThatThrownBy(() -> RepetitionPlan.Components.of(new double[][] {{1}, {2}}))
                .hasMessageContaining("at least 2 intervals");
        assertThatThrownBy(() -> RepetitionPlan.Components.of(new double[][] {{1, 2}, {}}))
                .hasMessageContaining("trial 2 has no intervals");
    }

    @Test
    void optimalIntervalsFollowKaliberaAndJones() {
        // r = ceil(sqrt(c1·S2² / (c2·T1²))): sqrt(9·4 / 1) = 6 exactly; sqrt(10·4) = 6.32 rounds up to 7
        RepetitionPlan.Components c = new RepetitionPlan.Components(3, 3, 4.0 / 3 + 1, 4, 1, 1);
        assertThat(RepetitionPlan.optimalIntervals(c, 9, 1, 100)).isEqualTo(6);
        assertThat(RepetitionPlan.optimalIntervals(c, 10, 1, 100)).isEqualTo(7);
        // a 2 s interval costs twice as much: sqrt(9·4 / 2) = 4.24, 5 intervals
        assertThat(RepetitionPlan.optimalIntervals(c, 9, 2, 100)).isEqualTo(5);
        assertThat(RepetitionPlan.optimalIntervals(c, 9, 1, 4)).isEqualTo(4);
        // free trials: one interval each is best
        assertThat(RepetitionPlan.optimalIntervals(c, 0, 1, 100)).isEqualTo(1);
        RepetitionPlan.Components noTrialLevel = new RepetitionPlan.Components(3, 3, 0, 4, 0, 1);
        assertThat(RepetitionPlan.optimalIntervals(noTrialLevel, 9, 1, 30)).isEqualTo(30);
    }

    @Test
    void theOptimalLengthCostsTheLeastForAGivenPrecision() {
        // n trials of r intervals give the variance (T1² + S2²/r)/n at the cost n·(c1 + r·c2): for a fixed variance
        // the cost is proportional to (T1² + S2²/r)·(c1 + r·c2), least near sqrt(c1·S2² / (c2·T1²))
        double[][] cases = {{4, 1, 9, 1}, {0.02, 0.004, 3, 1}, {1, 0.5, 30, 1}, {0.3, 0.1, 2, 0.5}, {5, 0.01, 10, 1}};
        for (double[] k : cases) {
            RepetitionPlan.Components c = new RepetitionPlan.Components(3, 3, k[1] + k[0] / 3, k[0], k[1], 1);
            int r = RepetitionPlan.optimalIntervals(c, k[2], k[3], 10_000);
            double least = Double.MAX_VALUE;
            for (int other = 1; other <= 10_000; other++) {
                least = Math.min(least, cost(c, k[2], k[3], other));
            }
            // ceil of the continuous optimum: within a few percent of the cheapest whole number of intervals
            assertThat(cost(c, k[2], k[3], r)).isLessThanOrEqualTo(1.05 * least);
        }
    }

    private static double cost(RepetitionPlan.Components c, double c1, double c2, int r) {
        return (c.betweenTrials() + c.withinTrials() / r) * (c1 + r * c2);
    }

    @Test
    void trialsNeededIsTheFewestWhoseHalfWidthReachesTheTarget() {
        double half = Math.log1p(0.05);
        for (double variance : new double[] {1e-4, 0.0025, 0.01, 0.04}) {
            int n = RepetitionPlan.trialsNeeded(variance, half);
            assertThat(n).isBetween(2, RepetitionPlan.MAX_TRIALS);
            assertThat(halfWidth(variance, n)).isLessThanOrEqualTo(half);
            if (n > 2) {
                assertThat(halfWidth(variance, n - 1)).isGreaterThan(half);
            }
        }
        // sd 10% in logs, ±5%: the normal approximation says 1.96²·0.01/ln(1.05)² = 16.2, t adds a trial or two
        assertThat(RepetitionPlan.trialsNeeded(0.01, half)).isBetween(17, 19);
        assertThat(RepetitionPlan.trialsNeeded(0, half)).isEqualTo(2);
        assertThat(RepetitionPlan.trialsNeeded(100, half)).isEqualTo(RepetitionPlan.MAX_TRIALS + 1);
    }

    @Test
    void aPairsPlanRestsOnItsLogRatiosAndBothSidesIntervals() {
        Random random = new Random(7);
        // each side: 5 trials of 20 intervals, interval sd 10% of the mean; trial means scatter 2%
        double[][] a = twoLevel(random, 5, 20, 1000, 20, 100);
        double[][] b = twoLevel(random, 5, 20, 2000, 40, 200);
        double[] d = {0.80, 0.60, 0.75, 0.65, 0.70};
        RepetitionPlan.Plan p = RepetitionPlan.forPair(a, b, d, 20, 8, 1, 0.05);
        RepetitionPlan.Components c = p.components();
        assertThat(c.trials()).isEqualTo(5);
        assertThat(c.intervalsPerTrial()).isEqualTo(20);
        assertThat(c.betweenTrialMeans()).isCloseTo(PairedInterval.variance(d), within(1e-15));
        // two sides of relative variance 0.01 each; 95 df per side
        assertThat(c.withinTrials()).isCloseTo(0.02, within(0.006));
        assertThat(c.betweenTrials()).isCloseTo(Math.max(0, c.betweenTrialMeans() - c.withinTrials() / 20),
                within(1e-15));
        int r = (int) Math.ceil(Math.sqrt(8 * c.withinTrials() / c.betweenTrials()));
        assertThat(p.intervalsPerTrial()).isEqualTo(Math.min(r, 200));
        assertThat(p.currentIntervals()).isEqualTo(20);
        // T1² is not clipped here, so S2² itself stands for the intervals' part
        assertThat(c.betweenTrials()).isGreaterThan(0);
        double perPair = c.betweenTrials() + c.withinTrials() / p.intervalsPerTrial();
        assertThat(p.trialsNeeded()).isEqualTo(RepetitionPlan.trialsNeeded(perPair, Math.log1p(0.05)));
        assertThat(p.currentHalfWidth()).isCloseTo(Math.expm1(halfWidth(c.betweenTrialMeans(), 5)), within(1e-12));
        assertThat(Repetitions.sentence(p)).isEqualTo(p.trialsNeeded() + " trials of " + p.intervalsPerTrial()
                + " s would narrow this interval to ±5% (now ±"
                + Math.round(p.currentHalfWidth() * 100) + "% from 5 trials of 20 s)");
    }

    @Test
    void withNoTrialLevelVarianceThePlanLengthensTheStepsAndSaysWhy() {
        double[][] a = {{90, 110, 100}, {110, 90, 100}, {100, 100, 100}};
        double[] d = {0.5, 0.5, 0.5};
        RepetitionPlan.Plan p = RepetitionPlan.forPair(a, a, d, 3, 5, 1, 0.05);
        assertThat(p.components().betweenTrials()).isZero();
        assertThat(p.capped()).isTrue();
        assertThat(p.intervalsPerTrial()).isEqualTo(RepetitionPlan.MAX_LENGTHENING * 3);
        // an effect of e^0.5 = 1.65 against a factor of 1.1: it lies 50% from its threshold
        Repetitions r = Repetitions.of(p, Math.exp(0.5), VerdictRule.ratioBounds(Hypothesis.BETTER, 1.1, Double.NaN));
        assertThat(r.thresholdDistance()).isCloseTo(Math.exp(0.5) / 1.1 - 1, within(1e-12));
        assertThat(r.trialsToDecide()).isEqualTo(2);
        assertThat(r.sentence()).endsWith("; 2 would decide the claim if the effect stayed 50% from its threshold");
        assertThat(r.sentence()).startsWith("the trials scatter no more than their intervals predict, so longer"
                + " steps are worth more than more trials (capped at 10x now): ")
                .contains(" trials of 30 s would narrow this interval to ±5% (now ±0% from 3 trials of 3 s)");
        assertThat(r.optimalSecondsPerTrial()).isEqualTo(30.0);
        assertThat(r.trialCostSec()).isEqualTo(5.0);
    }

    @Test
    void trialMeansThatAgreeBetterThanTheirIntervalsPredictAreTakenAtTheirObservedSpread() {
        // intervals ±10% around each trial's mean (S2² = 0.0133 over both sides), trial log-ratios within ±2%
        double[][] a = {{90, 110, 100}, {110, 90, 100}, {100, 100, 100}};
        double[] d = {0.50, 0.52, 0.48};
        RepetitionPlan.Plan p = RepetitionPlan.forPair(a, a, d, 3, 5, 1, 0.05);
        double s1 = PairedInterval.variance(d);
        assertThat(p.components().withinTrials() / 3).isGreaterThan(s1);
        assertThat(p.components().betweenTrials()).isZero();
        // n2·S1² instead of S2²: at 10x the length the pairs vary by S1²/10, not by S2²/30
        assertThat(p.trialsNeeded()).isEqualTo(RepetitionPlan.trialsNeeded(s1 / 10, Math.log1p(0.05)));
    }

    @Test
    void theDistanceToDecideIsToTheNearestThresholdOfTheHypothesis() {
        double[][] a = {{90, 110, 100}, {110, 90, 100}, {100, 100, 100}};
        RepetitionPlan.Plan p = RepetitionPlan.forPair(a, a, new double[] {0.0, 0.1, -0.1}, 3, 5, 1, 0.05);
        // same within 10%: bounds 0.909 and 1.1; an effect of 1.05 lies ln(1.1/1.05) from the upper one
        Repetitions same = Repetitions.of(p, 1.05, VerdictRule.ratioBounds(Hypothesis.SAME, Double.NaN, 0.1));
        assertThat(same.thresholdDistance()).isCloseTo(1.1 / 1.05 - 1, within(1e-12));
        assertThat(same.trialsToDecide()).isEqualTo(RepetitionPlan.trialsNeeded(p.perPairVariance(),
                Math.log(1.1 / 1.05)));
        // not worse by 10%: one bound, 1/1.1
        Repetitions notWorse = Repetitions.of(p, 1.0, VerdictRule.ratioBounds(Hypothesis.NOT_WORSE, Double.NaN, 0.1));
        assertThat(notWorse.thresholdDistance()).isCloseTo(0.1, within(1e-12));
        // on the threshold itself no number of trials decides it
        Repetitions onIt = Repetitions.of(p, 1.1, VerdictRule.ratioBounds(Hypothesis.BETTER, 1.1, Double.NaN));
        assertThat(onIt.trialsToDecide()).isNull();
        assertThat(onIt.sentence()).endsWith("; more than 1000 would decide the claim if the effect stayed 0% from"
                + " its threshold");
        Repetitions far = Repetitions.of(p, 20, VerdictRule.ratioBounds(Hypothesis.BETTER, 1.1, Double.NaN));
        assertThat(far.sentence()).endsWith(" would decide the claim if the effect stayed over 1000% from its"
                + " threshold");
    }

    private static double halfWidth(double variance, int n) {
        return PairedInterval.tQuantile(n - 1, PairedInterval.CONFIDENCE) * Math.sqrt(variance / n);
    }

    /** values[trial][interval] = mean + N(0, sdTrial) per trial + N(0, sdInterval) per interval. */
    private static double[][] twoLevel(Random random, int trials, int intervals, double mean,
                                       double sdTrial, double sdInterval) {
        double[][] v = new double[trials][intervals];
        for (int t = 0; t < trials; t++) {
            double trialMean = mean + sdTrial * random.nextGaussian();
            for (int i = 0; i < intervals; i++) {
                v[t][i] = trialMean + sdInterval * random.nextGaussian();
            }
        }
        return v;
    }
}
