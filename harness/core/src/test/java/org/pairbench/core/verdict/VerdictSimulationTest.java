package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The verdict method proven on simulated suites with fixed seeds (so the figures below are the same everywhere):
 * paired trials drawn from a known effect and the noise model of {@link SimulatedSuites} (a drift shared by the
 * sides of a pair, each side's own trial-to-trial noise as wide as the reference run's, and the 1 s intervals
 * inside a trial), judged by the code the judge runs ({@link PairedInterval}, {@link VerdictRule}, the A/A check
 * of {@link AaComparisons}). Each case prints its figure, which the README quotes. Runs in about a second.
 */
class VerdictSimulationTest {
    private static final int SUITES = 2000;
    /**
     * For a rate next to its bound: an exact 95% test has exactly 5% of its verdicts wrong at the boundary, less
     * what the A/A check turns inconclusive, so the rate lies just under 5% and 2000 suites (standard error 0.5%)
     * cannot show it; 20,000 (0.15%) can.
     */
    private static final int MANY_SUITES = 20_000;

    private static double coverage(int n, double ratio, long seed) {
        SimulatedSuites sim = new SimulatedSuites(seed, SimulatedSuites.REFERENCE);
        int covered = 0;
        for (int s = 0; s < SUITES; s++) {
            SimulatedSuites.Suite suite = sim.next(n, ratio);
            PairedInterval.Estimate e = PairedInterval.ratio(suite.b(), suite.a(), PairedInterval.CONFIDENCE);
            if (e.low() <= ratio && ratio <= e.high()) {
                covered++;
            }
        }
        return share(covered, "coverage of a true " + ratio + "x at n=" + n);
    }

    @Test
    void theNinetyFivePercentIntervalCoversTheTrueEffectAtThreeFiveAndTenTrials() {
        for (int n : new int[] {3, 5, 10}) {
            assertThat(coverage(n, 1.5, 11 + n)).as("coverage at n=" + n).isGreaterThanOrEqualTo(0.93);
            assertThat(coverage(n, 1.0, 101 + n)).as("coverage of no effect at n=" + n).isGreaterThanOrEqualTo(0.93);
        }
    }

    /** Verdicts of one hypothesis over simulated suites, through the A/A check as the judge does. */
    private static int[] verdicts(int n, double ratio, Hypothesis h, double factor, double margin,
                                  SimulatedSuites.Noise noise, long seed, int suites) {
        SimulatedSuites sim = new SimulatedSuites(seed, noise);
        int[] out = new int[3]; // supported, refuted, inconclusive
        for (int s = 0; s < suites; s++) {
            SimulatedSuites.Suite suite = sim.next(n, ratio);
            PairedInterval.Estimate e = PairedInterval.ratio(suite.b(), suite.a(), PairedInterval.CONFIDENCE);
            String v = VerdictRule.judge(h, factor, margin, e.low(), e.high()).verdict();
            if (AaComparisons.differs(AaComparisons.compare(suite.twin(), suite.a(), false), false)) {
                v = ClaimVerdict.INCONCLUSIVE;
            }
            out[ClaimVerdict.SUPPORTED.equals(v) ? 0 : ClaimVerdict.REFUTED.equals(v) ? 1 : 2]++;
        }
        return out;
    }

    @Test
    void anAaComparisonTestedForSuperiorityIsRarelySupportedOrRefuted() {
        for (int n : new int[] {3, 5, 10}) {
            int[] v = verdicts(n, 1.0, Hypothesis.BETTER, 1.0, Double.NaN, SimulatedSuites.REFERENCE, 201 + n,
                    MANY_SUITES);
            assertThat(share(v[0] + v[1], MANY_SUITES, "A/A at T=1, n=" + n + ": supported or refuted"))
                    .isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void aTrueTwofoldEffectAtTenPercentNoiseIsSupportedAtFiveTrials() {
        SimulatedSuites.Noise tenPercent = new SimulatedSuites.Noise(0.15, 0.10, 0, 1);
        int[] v = verdicts(5, 2.0, Hypothesis.BETTER, 1.1, Double.NaN, tenPercent, 301, SUITES);
        assertThat(share(v[0], "true 2x, 10% noise, n=5, better by 1.1: supported")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void equivalenceAtRatioOneWithATenPercentMarginIsSupportedAtTenTrialsInMostSuites() {
        // the reference run's median spread per side (4% in logs), with its shared drift
        SimulatedSuites.Noise median = new SimulatedSuites.Noise(0.15, 0.04, 0.04, 2);
        int[] v = verdicts(10, 1.0, Hypothesis.SAME, Double.NaN, 0.10, median, 401, SUITES);
        assertThat(share(v[0], "equivalence, ratio 1, margin 10%, n=10: supported")).isGreaterThan(0.5);
        // and a twofold difference is never called the same
        int[] twice = verdicts(10, 2.0, Hypothesis.SAME, Double.NaN, 0.10, median, 402, SUITES);
        assertThat(twice[0]).isZero();
    }

    @Test
    void countDifferencesAreCoveredAndJudgedByTheirOwnRules() {
        for (int n : new int[] {3, 5, 10}) {
            SimulatedSuites sim = new SimulatedSuites(501 + n, SimulatedSuites.REFERENCE);
            int covered = 0;
            int equalCalledFewer = 0;
            for (int s = 0; s < SUITES; s++) {
                SimulatedSuites.Suite suite = sim.counts(n, 1.0, -0.5, 0.1);
                PairedInterval.Estimate e = PairedInterval.difference(suite.b(), suite.a(), PairedInterval.CONFIDENCE);
                if (e.low() <= -0.5 && -0.5 <= e.high()) {
                    covered++;
                }
                SimulatedSuites.Suite same = sim.counts(n, 1.0, 0, 0.1);
                PairedInterval.Estimate z = PairedInterval.difference(same.b(), same.a(), PairedInterval.CONFIDENCE);
                if (VerdictRule.judge(Hypothesis.FEWER, Double.NaN, 0, z.low(), z.high()).verdict()
                        .equals(ClaimVerdict.SUPPORTED)) {
                    equalCalledFewer++;
                }
            }
            assertThat(share(covered, "count difference -0.5 covered at n=" + n)).isGreaterThanOrEqualTo(0.93);
            assertThat(share(equalCalledFewer, "equal counts called fewer at n=" + n)).isLessThanOrEqualTo(0.05);
        }
        SimulatedSuites sim = new SimulatedSuites(601, SimulatedSuites.REFERENCE);
        int supported = 0;
        for (int s = 0; s < SUITES; s++) {
            SimulatedSuites.Suite suite = sim.counts(5, 1.0, -1.0, 0.1);
            PairedInterval.Estimate e = PairedInterval.difference(suite.b(), suite.a(), PairedInterval.CONFIDENCE);
            if (VerdictRule.judge(Hypothesis.FEWER, Double.NaN, 0, e.low(), e.high()).verdict()
                    .equals(ClaimVerdict.SUPPORTED)) {
                supported++;
            }
        }
        assertThat(share(supported, "one connection fewer per request at n=5: supported")).isGreaterThanOrEqualTo(0.95);
    }

    private static double share(int count, String what) {
        return share(count, SUITES, what);
    }

    private static double share(int count, int suites, String what) {
        double s = (double) count / suites;
        System.out.printf(Locale.ROOT, "simulation: %s: %.2f%% of %d suites%n", what, s * 100, suites);
        return s;
    }
}
