package org.pairbench.core.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The one histogram configuration used everywhere, so interval histograms from different workers and files can
 * be added: nanosecond values, 3 significant digits, tracking up to one hour (longer values are clamped, which
 * only a broken run could produce). Stateless.
 */
public final class Histograms {
    public static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    public static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    /** Clamps a measured value into the trackable range: a negative reading becomes 0. */
    public static long clamp(long valueNs) {
        return valueNs < 0 ? 0 : Math.min(valueNs, HIGHEST_TRACKABLE_NS);
    }
}
