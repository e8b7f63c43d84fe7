package org.pairbench.core.verdict;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio of two arms' statistic over paired trials, with a 95% percentile bootstrap confidence interval.
 * Pure arithmetic, no I/O; the random numbers come from a seeded {@link SplittableRandom}, so the same inputs and
 * seed give the same interval on every machine.
 *
 * <p><b>Why paired.</b> Trial k of A and trial k of B ran next to each other in the interleaved order (A B, B A,
 * ...), so slow drift of the machine falls on both. Resampling <em>pairs</em> (with replacement) keeps that
 * link; resampling each arm on its own would add the drift to the interval.
 *
 * <p><b>Why a ratio of means</b> (not a mean of per-trial ratios): one trial with a tiny denominator cannot
 * dominate it, and it reads as "B is this many times A" over the whole series.
 *
 * <p><b>Zeros.</b> {@code x/0} is {@code +Infinity} and {@code 0/0} is 1 (both arms measured nothing: no
 * difference). Callers keep infinite bounds out of JSON.
 */
public final class PairedBootstrap {
    /** Resamples per interval: enough that the 2.5th and 97.5th percentiles move by well under 1% between seeds. */
    public static final int RESAMPLES = 10_000;
    public static final double CONFIDENCE = 0.95;

    private PairedBootstrap() {
    }

    /** What is compared between the arms. */
    public enum Statistic {
        /** The arithmetic mean over trials. */
        MEAN,
        /** The coefficient of variation over trials (sample standard deviation over mean; 0 for one trial). */
        CV;

        double of(double[] v, int[] idx) {
            double sum = 0;
            for (int i : idx) {
                sum += v[i];
            }
            double mean = sum / idx.length;
            if (this == MEAN) {
                return mean;
            }
            if (idx.length < 2 || mean == 0) {
                return 0;
            }
            double ss = 0;
            for (int i : idx) {
                ss += (v[i] - mean) * (v[i] - mean);
            }
            return Math.sqrt(ss / (idx.length - 1)) / Math.abs(mean);
        }
    }

    /**
     * @param ratio  the statistic of the numerator arm over that of the denominator arm, on all pairs
     * @param ciLow  2.5th percentile of the resampled ratios
     * @param ciHigh 97.5th percentile
     * @param pairs  paired trials
     */
    public record Estimate(double ratio, double ciLow, double ciHigh, int pairs) {
    }

    /**
     * The ratio {@code stat(numerator) / stat(denominator)} over paired trials ({@code numerator[i]} and
     * {@code denominator[i]} come from the same trial number) and its interval from {@link #RESAMPLES} resamples
     * of the pairs.
     */
    public static Estimate ratio(double[] numerator, double[] denominator, Statistic stat, long seed) {
        int n = numerator.length;
        if (n == 0 || denominator.length != n) {
            throw new IllegalArgumentException("need the same number (at least one) of values on both sides");
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double point = divide(stat.of(numerator, all), stat.of(denominator, all));
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[RESAMPLES];
        int[] idx = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                idx[i] = random.nextInt(n);
            }
            ratios[r] = divide(stat.of(numerator, idx), stat.of(denominator, idx));
        }
        Arrays.sort(ratios);
        double tail = (1 - CONFIDENCE) / 2;
        return new Estimate(point, percentile(ratios, tail), percentile(ratios, 1 - tail), n);
    }

    /** Nearest-rank percentile of sorted values (no interpolation, so infinite values stay well defined). */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double divide(double num, double den) {
        if (den == 0) {
            return num == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return num / den;
    }

    /** A seed for one comparison: fixed, and different for each name ({@link String#hashCode} is specified). */
    public static long seed(String name) {
        return 0x9a1bL * 1_000_003L ^ name.hashCode();
    }
}
