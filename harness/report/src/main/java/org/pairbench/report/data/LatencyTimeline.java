package org.pairbench.report.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.Phase;

/**
 * The corrected latency of one variant during one step, second by second (trials merged per second): what the
 * latency-over-time chart draws. Warm-up and measured intervals are kept apart so the chart can tell them apart.
 *
 * @param variant         variant name
 * @param warmup          intervals of requests intended during the warm-up (some may end after it)
 * @param measure         intervals of the measured period; an interval with no response has {@code count == 0}
 *                        and NaN latencies, so a stall shows as a gap rather than a made-up value
 * @param measureStartSec start of the measured period, seconds since the step's start (NaN if unknown)
 */
public record LatencyTimeline(String variant, List<Point> warmup, List<Point> measure, double measureStartSec) {

    public LatencyTimeline {
        warmup = List.copyOf(warmup);
        measure = List.copyOf(measure);
    }

    /**
     * One interval.
     *
     * @param secondsSinceStart start of the interval, whole seconds since the step's start
     * @param count             responses in the interval (all trials)
     */
    public record Point(double secondsSinceStart, long count, double p50Ms, double p99Ms, double maxMs) {
    }

    public static LatencyTimeline of(StepLatencies latencies) {
        return new LatencyTimeline(latencies.variant(), points(latencies.correctedBySecond(Phase.WARMUP)),
                points(latencies.correctedBySecond(Phase.MEASURE)), latencies.measureStartSec());
    }

    public boolean isEmpty() {
        return warmup.stream().allMatch(p -> p.count() == 0) && measure.stream().allMatch(p -> p.count() == 0);
    }

    private static List<Point> points(Map<Long, Histogram> bySecond) {
        List<Point> points = new ArrayList<>();
        bySecond.forEach((second, h) -> points.add(point(second, h)));
        return points;
    }

    private static Point point(long second, Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Point(second, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Point(second, h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
