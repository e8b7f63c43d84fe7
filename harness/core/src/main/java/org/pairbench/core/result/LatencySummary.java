package org.pairbench.core.result;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency view over a step's measured period, in microseconds (HdrHistogram's values are
 * nanoseconds; they are converted here, once). {@code count} is the number of values recorded.
 */
public record LatencySummary(long count, double meanUs, double p50Us, double p90Us, double p99Us, double p999Us,
                             double maxUs) {

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(), us(h.getMean()), us(h.getValueAtPercentile(50)),
                us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)), us(h.getValueAtPercentile(99.9)),
                us(h.getMaxValue()));
    }

    private static double us(double ns) {
        return Math.round(ns / 10.0) / 100.0;
    }
}
