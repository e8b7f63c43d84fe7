package org.pairbench.core.verdict;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * How many repetitions each level of a paired benchmark needs, after Kalibera and Jones, "Rigorous Benchmarking
 * in Reasonable Time" (ISMM 2013). Two levels: <b>trials</b> (a fresh target process per variant and trial, each
 * costing {@code c1} seconds before it measures anything) and the <b>intervals</b> inside a trial's measured period
 * (1 s each, costing {@code c2} = their length). Pure arithmetic on given values; stateless and thread-safe.
 *
 * <p><b>The components</b> ({@link Components#of}): {@code S1²}, the variance of the trial means; {@code S2²}, the
 * pooled variance of the intervals around their own trial's mean; and {@code T1² = S1² - S2²/n2}, the part of the
 * trial-to-trial variance that longer trials would not remove (clipped at 0: when the trial means scatter no more
 * than their intervals predict, nothing is left to the trial level).
 *
 * <p><b>The plan</b> ({@link #forPair}): a claim's interval is a t-interval on the paired log-ratios
 * {@code d_k = ln(B_k/A_k)} ({@link PairedInterval}), so the components are those of {@code d}: {@code S1²} is the
 * observed variance of the log-ratios; {@code S2²} is the sum of the two sides' within-trial variances, each taken
 * relative to its side's mean (a variance of a log is close to a relative variance, and the two sides' intervals
 * are measured by separate processes, so their noise adds); {@code T1²} as above (a drift shared by the two sides
 * of a pair cancels in {@code d}, so it is not in it). Kalibera and Jones's optimal number of intervals per trial
 * is {@code r = ceil(sqrt(c1·S2² / (c2·T1²)))}; when {@code T1²} is 0, more intervals per trial are always worth more
 * than more trials, and {@code r} is capped at {@value #MAX_LENGTHENING} times the current length. With {@code r}
 * intervals a pair's log-ratio has the variance {@code T1² + S2²/r} (at the current {@code r} exactly the observed
 * {@code S1²}; when {@code T1²} was clipped, {@code n2·S1²} stands for {@code S2²} there, for the same reason), and the trials needed are the fewest {@code n} whose 95% half-width
 * {@code t(n-1)·sqrt(var/n)} reaches the target.
 *
 * <p>For a latency percentile the per-interval values are each interval's own percentile, while a trial's value
 * is the percentile of its merged histogram: the within-trial variance of per-interval p99 is an approximation of
 * the noise in the trial's p99 (close when intervals hold many requests, rough when they hold few).
 */
public final class RepetitionPlan {
    /** The most the plan lengthens a trial's measured period when the trial level holds no variance of its own. */
    public static final int MAX_LENGTHENING = 10;
    /** The most trials a plan asks for; beyond, it says "more than". */
    public static final int MAX_TRIALS = 1000;
    /** The default target: the interval's half-width on the ratio, 5% (±5% around the effect). */
    public static final double DEFAULT_TARGET = 0.05;

    /** The normal quantile of the interval's confidence: a lower bound of every t quantile. */
    private static final double Z = new NormalDistribution().inverseCumulativeProbability(
            1 - (1 - PairedInterval.CONFIDENCE) / 2);

    private RepetitionPlan() {
    }

    /**
     * The variance components of a two-level series, in the values' units squared.
     *
     * @param trials            trials (n1)
     * @param intervalsPerTrial mean intervals per trial (n2)
     * @param betweenTrialMeans {@code S1²}, the sample variance of the trial means
     * @param withinTrials      {@code S2²}, the pooled sample variance of intervals around their trial's mean
     * @param betweenTrials     {@code T1² = max(0, S1² - S2²/n2)}
     * @param mean              the grand mean (mean of the trial means)
     */
    public record Components(int trials, double intervalsPerTrial, double betweenTrialMeans, double withinTrials,
                             double betweenTrials, double mean) {
        /**
         * The components of {@code values[trial][interval]}: at least 2 trials, and at least one trial with 2
         * intervals (else there is no within-trial spread to estimate).
         */
        public static Components of(double[][] values) {
            if (values.length < 2) {
                throw new IllegalArgumentException("need at least 2 trials, got " + values.length);
            }
            double[] means = new double[values.length];
            double ss = 0;
            int df = 0;
            int intervals = 0;
            for (int t = 0; t < values.length; t++) {
                double[] v = values[t];
                if (v.length == 0) {
                    throw new IllegalArgumentException("trial " + (t + 1) + " has no intervals");
                }
                means[t] = average(v);
                for (double x : v) {
                    ss += (x - means[t]) * (x - means[t]);
                }
                df += v.length - 1;
                intervals += v.length;
            }
            if (df == 0) {
                throw new IllegalArgumentException("need a trial with at least 2 intervals");
            }
            double n2 = (double) intervals / values.length;
            double s1 = PairedInterval.variance(means);
            double s2 = ss / df;
            return new Components(values.length, n2, s1, s2, Math.max(0, s1 - s2 / n2), average(means));
        }

        /** The same components for the values divided by their grand mean: variances relative to the mean². */
        public Components relative() {
            double m2 = mean * mean;
            return new Components(trials, intervalsPerTrial, betweenTrialMeans / m2, withinTrials / m2,
                    betweenTrials / m2, 1);
        }
    }

    /**
     * The allocation for a paired comparison.
     *
     * @param components        the components of the paired log-ratio (relative variances, see the class comment)
     * @param trialCostSec      {@code c1}: seconds a new trial costs before it measures
     * @param intervalSec       {@code c2}: seconds one interval costs (its length)
     * @param currentIntervals  intervals per trial now (n2)
     * @param intervalsPerTrial Kalibera and Jones's optimal {@code r}, capped at {@value #MAX_LENGTHENING} × now
     * @param capped            true when {@code r} hit the cap (always when {@code T1²} is 0)
     * @param target            the half-width aimed at, relative (0.05 = ±5%)
     * @param trialsNeeded      the fewest paired trials of {@code r} intervals that reach it, at most
     *                          {@value #MAX_TRIALS}
     * @param reached           false when even {@value #MAX_TRIALS} trials would not
     * @param currentHalfWidth  the half-width the current design gives (relative), from {@code S1²}
     * @param perPairVariance   the variance of a pair's log-ratio at {@code r} intervals, which the trials needed
     *                          for any other half-width follow from ({@link #trialsNeeded})
     */
    public record Plan(Components components, double trialCostSec, double intervalSec, double currentIntervals,
                       int intervalsPerTrial, boolean capped, double target, int trialsNeeded, boolean reached,
                       double currentHalfWidth, double perPairVariance) {
        /** Seconds per trial's measured period under the plan. */
        public double secondsPerTrial() {
            return intervalsPerTrial * intervalSec;
        }
    }

    /**
     * The plan for a claim's paired log-ratios.
     *
     * @param baseline          the baseline's per-interval values, per paired trial
     * @param candidate         the candidate's, same trials
     * @param logRatios         the paired log-ratios the claim's interval is built on (at least 2)
     * @param intervalsPerTrial {@code n2}: the measured period in intervals (its seconds over {@code intervalSec}:
     *                          an interval the period covers in part counts in part)
     * @param trialCostSec      {@code c1}, seconds (at least 0)
     * @param intervalSec       {@code c2}, seconds (above 0)
     * @param target            the relative half-width to reach, above 0 (0.05 = ±5%)
     */
    public static Plan forPair(double[][] baseline, double[][] candidate, double[] logRatios,
                               double intervalsPerTrial, double trialCostSec, double intervalSec, double target) {
        double n2 = intervalsPerTrial;
        double s1 = PairedInterval.variance(logRatios);
        double s2 = Components.of(baseline).relative().withinTrials() + Components.of(candidate).relative()
                .withinTrials();
        Components d = new Components(logRatios.length, n2, s1, s2, Math.max(0, s1 - s2 / n2), 0);
        int cap = (int) Math.ceil(MAX_LENGTHENING * n2);
        int r = optimalIntervals(d, trialCostSec, intervalSec, cap);
        // At r intervals a pair's log-ratio varies by T1² + S2²/r. When the trial means agree better than their
        // intervals predict (T1² clipped, intervals that even out within a trial), S2² over-states what the
        // intervals add: n2·S1² is taken instead, so that at the current length the prediction is the observed S1².
        double perPair = d.betweenTrials() + Math.min(s2, n2 * s1) / r;
        int n = trialsNeeded(perPair, Math.log1p(target));
        double currentHalf = Math.expm1(PairedInterval.tQuantile(logRatios.length - 1, PairedInterval.CONFIDENCE)
                * Math.sqrt(s1 / logRatios.length));
        return new Plan(d, trialCostSec, intervalSec, n2, r, r >= cap, target, Math.min(n, MAX_TRIALS),
                n <= MAX_TRIALS, currentHalf, perPair);
    }

    /**
     * Kalibera and Jones's {@code r = ceil(sqrt(c1·S2² / (c2·T1²)))}, at least 1 and at most {@code cap}; the cap
     * when {@code T1²} is 0 (more intervals per trial are then always worth more than more trials).
     */
    static int optimalIntervals(Components c, double trialCostSec, double intervalSec, int cap) {
        if (!(c.betweenTrials() > 0)) {
            return c.withinTrials() > 0 ? cap : 1;
        }
        double r = Math.ceil(Math.sqrt(trialCostSec * c.withinTrials() / (intervalSec * c.betweenTrials())));
        return (int) Math.max(1, Math.min(cap, r));
    }

    /**
     * The fewest trials {@code n} (at least 2) with {@code t(n-1)·sqrt(variance/n) <= halfWidth}, or
     * {@value #MAX_TRIALS} + 1 when none up to {@value #MAX_TRIALS} does.
     */
    static int trialsNeeded(double variance, double halfWidth) {
        // t(n-1) exceeds the normal quantile z, so no n below z²·var/h² can do: start there
        double fewest = Math.ceil(Z * Z * variance / (halfWidth * halfWidth));
        if (fewest > MAX_TRIALS) {
            return MAX_TRIALS + 1;
        }
        for (int n = Math.max(2, (int) fewest); n <= MAX_TRIALS; n++) {
            if (PairedInterval.tQuantile(n - 1, PairedInterval.CONFIDENCE) * Math.sqrt(variance / n) <= halfWidth) {
                return n;
            }
        }
        return MAX_TRIALS + 1;
    }

    private static double average(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
