package org.pairbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pairbench.report.data.LatencyTimeline;

/**
 * Corrected latency over time for one step: per variant, p50 (dashed), p99 (solid) and max (thin, faded) of each
 * 1-second interval, trials merged. Warm-up intervals are drawn faded (and left out of the legend), left of a
 * vertical line where the measured period starts; an interval with no response is a gap in the line.
 */
public final class TimelineChart {
    private static final int FADED = 90;

    private TimelineChart() {
    }

    public static XYChart build(String title, List<LatencyTimeline> timelines, VariantColors colors) {
        return build(title, timelines, colors, Set.of());
    }

    /** @param invalid variants whose lines include a trial with an invalid generator; flagged in the legend */
    public static XYChart build(String title, List<LatencyTimeline> timelines, VariantColors colors,
                                Set<String> invalid) {
        XYChart chart = ChartStyle.newChart(title, "Time since step start (s)", "Corrected latency (ms)");
        chart.getStyler().setYAxisMin(0.0);
        double yMax = 0;
        double measureStart = Double.NaN;
        for (LatencyTimeline t : timelines) {
            addLines(chart, t, colors, VariantLabels.legend(t.variant(), invalid.contains(t.variant())));
            yMax = Math.max(yMax, maxOf(t));
            if (!Double.isNaN(t.measureStartSec())) {
                measureStart = Double.isNaN(measureStart) ? t.measureStartSec()
                        : Math.min(measureStart, t.measureStartSec());
            }
        }
        if (!Double.isNaN(measureStart) && timelines.stream().anyMatch(t -> !t.warmup().isEmpty())) {
            chart.addAnnotation(new AnnotationLine(measureStart, true, false));
            chart.addAnnotation(new AnnotationText("warm-up | measured", measureStart, yMax * 1.02, false));
            chart.getStyler().setYAxisMax(yMax * 1.08);
        }
        return chart;
    }

    private static void addLines(XYChart chart, LatencyTimeline t, VariantColors colors, String v) {
        Color color = colors.of(t.variant());
        Color faded = colors.faded(t.variant(), FADED);
        add(chart, v + " p99", t.measure(), LatencyTimeline.Point::p99Ms, color, ChartStyle.SOLID, true);
        add(chart, v + " p50 (dashed)", t.measure(), LatencyTimeline.Point::p50Ms, color, ChartStyle.DASHED, true);
        add(chart, v + " max (faded)", t.measure(), LatencyTimeline.Point::maxMs, faded, ChartStyle.THIN, true);
        add(chart, v + " warm-up p99", t.warmup(), LatencyTimeline.Point::p99Ms, faded, ChartStyle.SOLID, false);
        add(chart, v + " warm-up p50", t.warmup(), LatencyTimeline.Point::p50Ms, faded, ChartStyle.DASHED, false);
        add(chart, v + " warm-up max", t.warmup(), LatencyTimeline.Point::maxMs, faded, ChartStyle.THIN, false);
    }

    private static void add(XYChart chart, String name, List<LatencyTimeline.Point> points,
                            ToDoubleFunction<LatencyTimeline.Point> value, Color color, BasicStroke stroke,
                            boolean inLegend) {
        if (points.isEmpty()) {
            return;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (LatencyTimeline.Point p : points) {
            double v = value.applyAsDouble(p);
            x.add(p.secondsSinceStart());
            y.add(Double.isNaN(v) ? null : v); // XChart leaves a gap at a null value
        }
        if (y.stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setShowInLegend(inLegend);
    }

    private static double maxOf(LatencyTimeline t) {
        double max = 0;
        for (List<LatencyTimeline.Point> ps : List.of(t.warmup(), t.measure())) {
            for (LatencyTimeline.Point p : ps) {
                if (!Double.isNaN(p.maxMs())) {
                    max = Math.max(max, p.maxMs());
                }
            }
        }
        return max;
    }
}
