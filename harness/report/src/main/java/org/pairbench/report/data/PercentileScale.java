package org.pairbench.report.data;

/**
 * The x axis of a percentile distribution: {@code 1/(1-p)} on a log scale, so that 90%, 99%, 99.9%... are evenly
 * spaced (one decade each) and the tail, where latency problems live, gets as much room as the median. Stateless.
 */
public final class PercentileScale {
    private PercentileScale() {
    }

    /**
     * The x position of a percentile. The 100th percentile (the maximum) would be infinitely far right; with
     * {@code count} values the maximum is reached from {@code 1 - 1/count} on, so x is capped at {@code count}.
     *
     * @param percentile 0 to 100
     * @param count      values in the histogram (at least 1)
     */
    public static double x(double percentile, long count) {
        double cap = Math.max(1, count);
        double tail = 1.0 - percentile / 100.0;
        if (tail <= 0) {
            return cap;
        }
        return Math.min(cap, 1.0 / tail);
    }

    /** Decades of the axis: how many nines the x position stands for (x = 10^decades). */
    public static double decades(double x) {
        return Math.log10(x);
    }

    /**
     * The label of an axis tick at {@code x}: {@code 0%}, {@code 90%}, {@code 99%}, {@code 99.9%}... for whole
     * decades, and an empty string between them.
     */
    public static String label(double x) {
        double d = decades(x);
        long whole = Math.round(d);
        if (Math.abs(d - whole) > 1e-6 || whole < 0) {
            return "";
        }
        if (whole == 0) {
            return "0%";
        }
        if (whole == 1) {
            return "90%";
        }
        return "99" + (whole > 2 ? "." + "9".repeat((int) whole - 2) : "") + "%";
    }
}
