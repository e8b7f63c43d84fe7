package org.pairbench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code pairbench compare}'s false-alarm rate and power, shown on simulated pairs of runs with fixed seeds: a
 * workload of 3 variants x 16 steps x 4 metrics (192 metrics, as http-hello's full profile), each trial's values
 * drawn around the variant's true figures with a drift shared by every variant of the trial (sd 0.04 in logs), the
 * variant's own noise at the step (0.03, shared by its metrics) and each metric's own (0.02): together about the
 * reference run's median trial-to-trial spread. Runs compared by {@link RegressionRule}, as {@link Comparison}
 * does.
 */
class RegressionSimulationTest {
    private static final int PAIRS = 1000;
    private static final int VARIANTS = 3;
    private static final int STEPS = 16;
    /** throughput (higher is better), p50, p99, cpu-per-request. */
    private static final boolean[] HIGHER_IS_BETTER = {true, false, false, false};

    /** One run: [variant][step][metric][trial]; {@code slower} makes variant 0 that factor slower. */
    private static double[][][][] run(SplittableRandom r, int trials, double slower) {
        double[][][][] v = new double[VARIANTS][STEPS][HIGHER_IS_BETTER.length][trials];
        for (int t = 0; t < trials; t++) {
            double drift = r.nextGaussian() * 0.04;
            for (int a = 0; a < VARIANTS; a++) {
                for (int s = 0; s < STEPS; s++) {
                    double own = r.nextGaussian() * 0.03;
                    for (int m = 0; m < HIGHER_IS_BETTER.length; m++) {
                        double factor = a == 0 ? (HIGHER_IS_BETTER[m] ? 1 / slower : slower) : 1;
                        v[a][s][m][t] = 1000 * factor * Math.exp(drift + own + r.nextGaussian() * 0.02);
                    }
                }
            }
        }
        return v;
    }

    /** Whether the comparison of two runs exits with a regression. */
    private static boolean alarm(double[][][][] base, double[][][][] cur) {
        List<RegressionRule.Sample> samples = new ArrayList<>();
        for (int a = 0; a < VARIANTS; a++) {
            for (int s = 0; s < STEPS; s++) {
                for (int m = 0; m < HIGHER_IS_BETTER.length; m++) {
                    samples.add(new RegressionRule.Sample(base[a][s][m], cur[a][s][m], HIGHER_IS_BETTER[m]));
                }
            }
        }
        return RegressionRule.judge(samples, Comparison.DEFAULT_THRESHOLD_PCT).stream()
                .anyMatch(o -> MetricChange.REGRESSED.equals(o.status()));
    }

    private static double alarms(int trials, double slower, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int alarms = 0;
        for (int p = 0; p < PAIRS; p++) {
            if (alarm(run(r, trials, 1), run(r, trials, slower))) {
                alarms++;
            }
        }
        double share = (double) alarms / PAIRS;
        System.out.printf(Locale.ROOT, "simulation: compare, %d trials, variant 0 %.0f%% slower: exit 4 in %.1f%% of "
                + "%d pairs of runs%n", trials, (slower - 1) * 100, share * 100, PAIRS);
        return share;
    }

    @Test
    void sameCodeRunsPassInAtLeastNinetyFivePercentOfPairs() {
        assertThat(alarms(3, 1.0, 7)).isLessThanOrEqualTo(0.05);
        assertThat(alarms(5, 1.0, 8)).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aTwentyPercentSlowdownOfOneVariantIsCaughtAtFiveTrials() {
        assertThat(alarms(5, 1.2, 9)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void holmAdjustsTheSmallestPByTheFamilySizeAndKeepsTheOrder() {
        double[] adjusted = RegressionRule.holm(List.of(0, 1, 2), new double[] {0.01, 0.04, 0.03});
        assertThat(adjusted).containsExactly(0.03, 0.06, 0.06);
    }
}
