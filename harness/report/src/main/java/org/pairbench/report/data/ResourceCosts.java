package org.pairbench.report.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.TargetResources;

/**
 * What one resource cost the target per unit of work, step by step, for every variant of a workload: what the
 * resource-cost bar charts draw. Read from {@code summary.json}'s {@code target} figures alone.
 *
 * <p>Each trial is a point; a variant's bar at a step is the median of its trials whose generator was valid.
 * Trials with an invalid generator stay as points, flagged, and are left out of the median; failed steps and steps
 * without the figure are left out. Steps are the categories, in run order, and only those with a value appear.
 * Immutable.
 *
 * @param steps  step ids with at least one value, in order of first appearance
 * @param series one per variant with at least one value, in the order given
 */
public record ResourceCosts(List<String> steps, List<Series> series) {

    public ResourceCosts {
        steps = List.copyOf(steps);
        series = List.copyOf(series);
    }

    /** One variant's values; {@code medians} holds at most one point per step, in step order. */
    public record Series(String variant, List<Point> trials, List<Point> medians) {
        public Series {
            trials = List.copyOf(trials);
            medians = List.copyOf(medians);
        }
    }

    /**
     * @param stepIndex position of the step in {@link #steps()}
     * @param trial     the trial, or 0 for a median
     * @param value     in the figure's own unit (CPU-seconds per request, bytes per connection)
     * @param valid     whether the generator kept up (always true for a median)
     */
    public record Point(int stepIndex, int trial, double value, boolean valid) {
    }

    /** Target CPU-seconds (user + system, whole process tree) per request answered. */
    public static ResourceCosts cpuPerRequest(List<String> variants, List<StepResult> steps) {
        return of(variants, steps, TargetResources::cpuSecondsPerRequest);
    }

    /** Resident memory added per connection: (peak - baseline) over the step's connections, bytes. */
    public static ResourceCosts rssPerConnection(List<String> variants, List<StepResult> steps) {
        return of(variants, steps, TargetResources::rssPerConnectionBytes);
    }

    /** @param figure the figure to read from a step's target resources; null when it was not measured */
    static ResourceCosts of(List<String> variants, List<StepResult> steps, Function<TargetResources, Double> figure) {
        List<StepResult> usable = steps.stream().filter(s -> value(s, figure) != null).toList();
        Set<String> stepIds = new LinkedHashSet<>();
        usable.forEach(s -> stepIds.add(s.step()));
        List<String> stepOrder = List.copyOf(stepIds);
        Set<String> order = new LinkedHashSet<>(variants);
        usable.forEach(s -> order.add(s.variant()));
        List<Series> series = new ArrayList<>();
        for (String variant : order) {
            List<StepResult> mine = usable.stream().filter(s -> variant.equals(s.variant())).toList();
            if (!mine.isEmpty()) {
                series.add(series(variant, mine, stepOrder, figure));
            }
        }
        return new ResourceCosts(stepOrder, series);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    private static Series series(String variant, List<StepResult> mine, List<String> stepOrder,
                                 Function<TargetResources, Double> figure) {
        List<Point> trials = new ArrayList<>();
        List<Point> medians = new ArrayList<>();
        for (int i = 0; i < stepOrder.size(); i++) {
            String stepId = stepOrder.get(i);
            List<Point> points = new ArrayList<>();
            for (StepResult s : mine) {
                if (stepId.equals(s.step())) {
                    boolean valid = s.generator() == null || s.generator().valid();
                    points.add(new Point(i, s.trial(), value(s, figure), valid));
                }
            }
            trials.addAll(points);
            double[] valid = points.stream().filter(Point::valid).mapToDouble(Point::value).toArray();
            if (valid.length > 0) {
                medians.add(new Point(i, 0, ThroughputLatency.median(valid), true));
            }
        }
        return new Series(variant, trials, medians);
    }

    /** The step's figure, or null when the step failed, or the figure is missing or not a finite number. */
    private static Double value(StepResult s, Function<TargetResources, Double> figure) {
        if (!StepResult.OK.equals(s.status()) || s.target() == null || s.step() == null || s.variant() == null) {
            return null;
        }
        Double v = figure.apply(s.target());
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
