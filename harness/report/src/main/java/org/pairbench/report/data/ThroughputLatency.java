package org.pairbench.report.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pairbench.core.result.StepResult;

/**
 * Achieved throughput against corrected p99, one chart per request and load mode of a workload: for the closed-loop
 * concurrency sweep it shows the saturation knee, for open-loop steps how p99 grows with the offered rate. Read from
 * {@code summary.json}'s step figures alone.
 *
 * <p>Each trial is a point; each variant's line joins, step by step, the medians over its trials whose generator
 * was valid. Trials with an invalid generator are kept as points, flagged, and left out of the line. Failed steps
 * and steps with no latency value are left out entirely.
 *
 * @param request name of the request sent
 * @param mode    {@code open} or {@code closed}
 * @param series  one per variant, in the order given
 */
public record ThroughputLatency(String request, String mode, List<Series> series) {

    public ThroughputLatency {
        series = List.copyOf(series);
    }

    /** One variant's points. {@code medians} is ordered by step load (connections or intended rate). */
    public record Series(String variant, List<Point> trials, List<Point> medians) {
        public Series {
            trials = List.copyOf(trials);
            medians = List.copyOf(medians);
        }
    }

    /**
     * @param stepId    step id
     * @param label     short text for the point: {@code 64 conn} or {@code 2000/s}
     * @param trial     the trial, or 0 for a median
     * @param valid     whether the generator kept up (always true for a median)
     */
    public record Point(String stepId, String label, int trial, double achievedRatePerSec, double p99Ms,
                        boolean valid) {
    }

    /**
     * Groups the usable steps by request and mode, in order of first appearance.
     *
     * @param variants variant names in display order; variants found only in steps follow
     */
    public static List<ThroughputLatency> of(List<String> variants, List<StepResult> steps) {
        Map<String, List<StepResult>> groups = new LinkedHashMap<>();
        for (StepResult s : steps) {
            if (usable(s)) {
                groups.computeIfAbsent(s.request() + "\u0000" + s.mode(), k -> new ArrayList<>()).add(s);
            }
        }
        List<ThroughputLatency> result = new ArrayList<>();
        for (List<StepResult> group : groups.values()) {
            List<Series> series = new ArrayList<>();
            for (String variant : variantOrder(variants, group)) {
                series.add(series(variant, group));
            }
            result.add(new ThroughputLatency(group.get(0).request(), group.get(0).mode(), series));
        }
        return result;
    }

    static boolean usable(StepResult s) {
        return StepResult.OK.equals(s.status()) && s.corrected() != null && s.corrected().count() > 0
                && s.corrected().p99Us() > 0 && s.request() != null && s.mode() != null;
    }

    private static List<String> variantOrder(List<String> variants, List<StepResult> group) {
        List<String> order = new ArrayList<>();
        for (String v : variants) {
            if (group.stream().anyMatch(s -> v.equals(s.variant()))) {
                order.add(v);
            }
        }
        group.stream().map(StepResult::variant).distinct().filter(v -> !order.contains(v)).forEach(order::add);
        return order;
    }

    private static Series series(String variant, List<StepResult> group) {
        Map<String, List<Point>> byStep = new LinkedHashMap<>();
        group.stream().filter(s -> variant.equals(s.variant())).sorted(Comparator.comparingDouble(ThroughputLatency::load))
                .forEach(s -> byStep.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(point(s)));
        List<Point> trials = new ArrayList<>();
        List<Point> medians = new ArrayList<>();
        for (List<Point> points : byStep.values()) {
            trials.addAll(points);
            List<Point> valid = points.stream().filter(Point::valid).toList();
            if (!valid.isEmpty()) {
                medians.add(new Point(valid.get(0).stepId(), valid.get(0).label(), 0,
                        median(valid.stream().mapToDouble(Point::achievedRatePerSec).toArray()),
                        median(valid.stream().mapToDouble(Point::p99Ms).toArray()), true));
            }
        }
        return new Series(variant, trials, medians);
    }

    /** How much load a step offers: its connections (closed loop) or its intended rate (open loop). */
    static double load(StepResult s) {
        return s.intendedRatePerSec() != null ? s.intendedRatePerSec() : s.connections();
    }

    static String label(StepResult s) {
        if (s.intendedRatePerSec() != null) {
            return String.format(Locale.ROOT, "%.0f/s", s.intendedRatePerSec());
        }
        return s.connections() + " conn";
    }

    private static Point point(StepResult s) {
        boolean valid = s.generator() == null || s.generator().valid();
        return new Point(s.step(), label(s), s.trial(), s.achievedRatePerSec(), s.corrected().p99Us() / 1000.0, valid);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
