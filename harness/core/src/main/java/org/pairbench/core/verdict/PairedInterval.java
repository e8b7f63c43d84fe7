package org.pairbench.core.verdict;

import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Confidence intervals over paired trials, right at the 3 to 10 trials a suite runs. Pure arithmetic, no I/O,
 * no randomness; quantiles come from Hipparchus. Stateless and thread-safe.
 *
 * <p><b>Ratios: a t-interval on paired log-ratios.</b> Trial k of A and trial k of B ran next to each other in
 * the interleaved order, so a slow drift of the machine scales both; {@code d_k = ln(b_k / a_k)} cancels it. With
 * n pairs, mean {@code m} and standard deviation {@code s} of the {@code d_k}, the interval is
 * {@code exp(m ± t(n-1) s / sqrt n)} with Student's t quantile at n-1 degrees of freedom, and the effect is
 * {@code exp(m)}, the geometric mean of the per-trial ratios. Timings are close to log-normal, so the logs are
 * close to normal, and the t quantile accounts for estimating {@code s} from so few pairs (at n = 3 it is 4.30,
 * not 1.96). A percentile bootstrap over 3 pairs has about 10 distinct resamples and gives intervals far too
 * narrow; this one is exact under its model, which the simulation test checks against a drift and noise as wide
 * as the reference run's.
 *
 * <p><b>Counts: a t-interval on paired differences</b> {@code b_k - a_k}: never a ratio, which can be 0 or
 * infinite.
 *
 * <p><b>Spreads: an F-interval</b> on the ratio of the two sides' trial-to-trial variances (of the logs, so the
 * ratio is that of the coefficients of variation), with n-1 degrees of freedom on each side; its square root is
 * the interval of {@code cv(A)/cv(B)}.
 *
 * <p><b>Two levels.</b> A trial's value is already its mean over the step's 1 s intervals; following Kalibera and
 * Jones ("Rigorous Benchmarking in Reasonable Time", ISMM 2013), the variance of such trial means holds the
 * within-trial variance divided by the intervals per trial plus the between-trial variance, so an interval
 * built from the trial means is valid for both levels; more trials, not longer steps, narrow it once
 * between-trial variance dominates.
 */
public final class PairedInterval {
    public static final double CONFIDENCE = 0.95;

    private PairedInterval() {
    }

    /**
     * @param effect the point estimate: a ratio (above 1: the numerator side larger) or a difference
     * @param low    lower bound of the interval
     * @param high   upper bound
     * @param pairs  paired trials
     */
    public record Estimate(double effect, double low, double high, int pairs) {
    }

    /** {@code numerator / denominator} over pairs of positive values, with the interval at {@code confidence}. */
    public static Estimate ratio(double[] numerator, double[] denominator, double confidence) {
        double[] d = new double[check(numerator, denominator)];
        for (int i = 0; i < d.length; i++) {
            if (!(numerator[i] > 0) || !(denominator[i] > 0)) {
                throw new IllegalArgumentException("a ratio needs positive values on both sides");
            }
            d[i] = Math.log(numerator[i]) - Math.log(denominator[i]);
        }
        Estimate log = meanInterval(d, confidence);
        return new Estimate(Math.exp(log.effect()), Math.exp(log.low()), Math.exp(log.high()), d.length);
    }

    /** {@code candidate - baseline} over pairs, with the interval at {@code confidence}. */
    public static Estimate difference(double[] candidate, double[] baseline, double confidence) {
        double[] d = new double[check(candidate, baseline)];
        for (int i = 0; i < d.length; i++) {
            d[i] = candidate[i] - baseline[i];
        }
        return meanInterval(d, confidence);
    }

    /**
     * {@code cv(numerator) / cv(denominator)}, the coefficients of variation over trials taken as the standard
     * deviations of the logs, with the F-interval; null when a side has no spread (identical values), since
     * then the ratio is 0 or unbounded.
     */
    public static Estimate cvRatio(double[] numerator, double[] denominator, double confidence) {
        int n = check(numerator, denominator);
        double vn = variance(logs(numerator));
        double vd = variance(logs(denominator));
        if (!(vn > 0) || !(vd > 0)) {
            return null;
        }
        double r = vn / vd;
        FDistribution f = new FDistribution(n - 1, n - 1);
        double tail = (1 - confidence) / 2;
        return new Estimate(Math.sqrt(r), Math.sqrt(r / f.inverseCumulativeProbability(1 - tail)),
                Math.sqrt(r / f.inverseCumulativeProbability(tail)), n);
    }

    /** The t-interval of the mean of {@code d}; a point when all are equal. */
    static Estimate meanInterval(double[] d, double confidence) {
        int n = d.length;
        double mean = 0;
        for (double v : d) {
            mean += v;
        }
        mean /= n;
        double half = tQuantile(n - 1, confidence) * Math.sqrt(variance(d) / n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /** The two-sided Student t quantile for {@code df} degrees of freedom: 4.30 at df 2, 95%. */
    public static double tQuantile(int df, double confidence) {
        // inverting the distribution is iterative: the few (df, confidence) pairs in use are kept
        return T_QUANTILES.computeIfAbsent(df + "/" + confidence,
                k -> new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2));
    }

    private static final java.util.Map<String, Double> T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    private static int check(double[] a, double[] b) {
        if (a.length < 2 || b.length != a.length) {
            throw new IllegalArgumentException("need the same number (at least two) of values on both sides");
        }
        return a.length;
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    /** Sample variance (n-1); 0 when all values are equal. */
    static double variance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }
}
