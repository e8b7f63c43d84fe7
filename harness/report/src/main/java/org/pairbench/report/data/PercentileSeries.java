package org.pairbench.report.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.LatencyView;

/**
 * One line of a percentile distribution chart: the latency at each percentile of one view of one variant.
 * Points are spaced evenly on the {@link PercentileScale} (20 per decade), plus the named percentiles (50, 90, 99,
 * 99.9, ...) so that the figures of the summary table lie exactly on the line, plus the maximum.
 *
 * @param variant variant name
 * @param view    corrected or uncorrected
 * @param count   values in the histogram
 * @param points  by rising percentile
 */
public record PercentileSeries(String variant, LatencyView view, long count, List<Point> points) {
    private static final double STEPS_PER_DECADE = 20;
    private static final double[] NAMED = {50, 90, 99, 99.9, 99.99, 99.999, 99.9999};

    public PercentileSeries {
        points = List.copyOf(points);
    }

    /**
     * @param percentile 0 to 100
     * @param x          position on the {@link PercentileScale}, {@code 1/(1-p)} capped at the count
     * @param latencyMs  the latency at that percentile, milliseconds
     */
    public record Point(double percentile, double x, double latencyMs) {
    }

    /** The series of a histogram (values in ns), or empty when it holds no value. */
    public static Optional<PercentileSeries> of(String variant, LatencyView view, Histogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        for (double p : levels(count)) {
            long ns = p >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(p);
            points.add(new Point(p, PercentileScale.x(p, count), ns / 1e6));
        }
        return Optional.of(new PercentileSeries(variant, view, count, points));
    }

    /** Percentile levels worth plotting for a histogram of {@code count} values; beyond 1-1/count only the max. */
    static TreeSet<Double> levels(long count) {
        double maxDecades = Math.log10(Math.max(1, count));
        TreeSet<Double> levels = new TreeSet<>();
        for (int i = 0; i / STEPS_PER_DECADE < maxDecades; i++) {
            levels.add(100.0 * (1.0 - Math.pow(10, -i / STEPS_PER_DECADE)));
        }
        for (double p : NAMED) {
            if (PercentileScale.x(p, Long.MAX_VALUE) <= Math.max(1, count) * (1 + 1e-9)) {
                levels.add(p);
            }
        }
        levels.add(100.0);
        return levels;
    }

    /** The point at a percentile, if the series has one there. */
    public Optional<Point> at(double percentile) {
        return points.stream().filter(pt -> Math.abs(pt.percentile() - percentile) < 1e-9).findFirst();
    }
}
