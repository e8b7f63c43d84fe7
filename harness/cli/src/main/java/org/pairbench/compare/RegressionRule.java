package org.pairbench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The statistics of {@code pairbench compare}: each metric's change between two runs, tested so that the
 * comparison as a whole raises a false alarm in at most {@value #FAMILY_ALPHA} of same-code runs. Pure; used by
 * {@link Comparison} and by the simulation test. Stateless.
 *
 * <ul>
 *   <li><b>Enough trials.</b> A metric is tested only with at least {@value #MIN_TRIALS} valid trials on each
 *       side (two values give one degree of freedom for a spread); fewer is {@code not-compared}, said so, and
 *       never a regression.
 *   <li><b>One metric:</b> the trials of two runs are not paired (they ran at different times), so the change is
 *       Welch's two-sample t on the logs of the values: the ratio of the geometric means, oriented so that
 *       above 1 is worse, with its 95% interval and a two-sided p-value (Student t with Welch-Satterthwaite
 *       degrees of freedom).
 *   <li><b>All metrics at once:</b> Holm's step-down correction over every tested metric of the comparison
 *       (throughput, p50, p99 and CPU per request of every variant and step), which keeps the family-wise
 *       false-alarm rate at {@value #FAMILY_ALPHA} whatever the dependence between metrics.
 *   <li><b>A regression</b> is a change that is significant after the correction <em>and</em> worse by more
 *       than {@code --threshold} (a change too small to matter is not one, however sure); significant the other
 *       way and better by more than the threshold is an improvement; beyond the threshold but not significant
 *       is {@code within-spread}.
 * </ul>
 */
public final class RegressionRule {
    public static final int MIN_TRIALS = 3;
    public static final double FAMILY_ALPHA = 0.05;
    private static final double CONFIDENCE = 0.95;

    private RegressionRule() {
    }

    /**
     * One metric's trials in the two runs.
     *
     * @param baseline       valid trial values of the baseline run
     * @param current        valid trial values of the current run
     * @param higherIsBetter the metric's sense
     */
    public record Sample(double[] baseline, double[] current, boolean higherIsBetter) {
    }

    /**
     * @param worse   current over baseline as a factor of worse (1.2: 20% worse), from the geometric means; NaN
     *                when not tested
     * @param ciLow   lower bound of its 95% interval (unadjusted)
     * @param ciHigh  upper bound
     * @param p       two-sided p-value of "no change"
     * @param pHolm   the p-value adjusted by Holm over the comparison's tested metrics (1 when not tested)
     * @param status  {@link MetricChange#REGRESSED}, {@link MetricChange#IMPROVED},
     *                {@link MetricChange#WITHIN_SPREAD}, {@link MetricChange#UNCHANGED} or
     *                {@link MetricChange#NOT_COMPARED}
     * @param note    why not compared, else null
     */
    public record Outcome(double worse, double ciLow, double ciHigh, double p, double pHolm, String status,
                          String note) {
    }

    public static List<Outcome> judge(List<Sample> samples, double thresholdPct) {
        double[] worse = new double[samples.size()];
        double[] se = new double[samples.size()];
        double[] df = new double[samples.size()];
        double[] p = new double[samples.size()];
        String[] note = new String[samples.size()];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            note[i] = problem(s);
            if (note[i] != null) {
                continue;
            }
            double[] lb = logs(s.baseline());
            double[] lc = logs(s.current());
            double vb = variance(lb) / lb.length;
            double vc = variance(lc) / lc.length;
            double d = mean(lc) - mean(lb);
            worse[i] = s.higherIsBetter() ? -d : d;
            se[i] = Math.sqrt(vb + vc);
            df[i] = se[i] == 0 ? lb.length + lc.length - 2
                    : (vb + vc) * (vb + vc) / (vb * vb / (lb.length - 1) + vc * vc / (lc.length - 1));
            p[i] = se[i] == 0 ? (worse[i] == 0 ? 1 : 0)
                    : 2 * new TDistribution(df[i]).cumulativeProbability(-Math.abs(worse[i]) / se[i]);
            tested.add(i);
        }
        double[] holm = holm(tested, p);
        double limit = Math.log1p(thresholdPct / 100);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (note[i] != null) {
                out.add(new Outcome(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, MetricChange.NOT_COMPARED,
                        note[i]));
                continue;
            }
            double half = se[i] == 0 ? 0 : quantile(df[i]) * se[i];
            boolean significant = holm[i] <= FAMILY_ALPHA;
            String status = worse[i] > limit ? (significant ? MetricChange.REGRESSED : MetricChange.WITHIN_SPREAD)
                    : -worse[i] > limit ? (significant ? MetricChange.IMPROVED : MetricChange.WITHIN_SPREAD)
                    : MetricChange.UNCHANGED;
            out.add(new Outcome(Math.exp(worse[i]), Math.exp(worse[i] - half), Math.exp(worse[i] + half), p[i],
                    holm[i], status, null));
        }
        return out;
    }

    /**
     * The t quantile of the 95% interval; inverting the distribution is iterative, so quantiles are kept per
     * hundredth of a degree of freedom, rounded down (a slightly wider interval, never a narrower one).
     */
    private static double quantile(double df) {
        double key = Math.floor(df * 100) / 100;
        return QUANTILES.computeIfAbsent(key, k -> new TDistribution(Math.max(k, 0.01))
                .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2));
    }

    private static final java.util.Map<Double, Double> QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String problem(Sample s) {
        int b = s.baseline().length;
        int c = s.current().length;
        if (b < MIN_TRIALS || c < MIN_TRIALS) {
            return b + " valid baseline and " + c + " valid current trial(s); " + MIN_TRIALS
                    + " needed on each side to tell a change from the spread";
        }
        for (double[] side : new double[][] {s.baseline(), s.current()}) {
            for (double v : side) {
                if (!(v > 0)) {
                    return "a trial measured 0: no ratio";
                }
            }
        }
        return null;
    }

    /** Holm's adjusted p-values over the tested indices; 1 elsewhere. */
    static double[] holm(List<Integer> tested, double[] p) {
        double[] out = new double[p.length];
        Arrays.fill(out, 1);
        List<Integer> order = new ArrayList<>(tested);
        order.sort(Comparator.comparingDouble(i -> p[i]));
        int m = order.size();
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order.get(rank);
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return ss / (v.length - 1);
    }
}
