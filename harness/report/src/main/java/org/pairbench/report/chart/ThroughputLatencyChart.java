package org.pairbench.report.chart;

import java.util.List;
import java.util.function.Predicate;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pairbench.report.data.ThroughputLatency;

/**
 * Achieved throughput (x) against corrected p99 (log y) over the steps of one request and mode. Per variant: a line
 * through the medians of its valid trials, in step order, each point labelled with its step's load; each trial as a
 * faded dot; trials whose generator fell behind as crosses, not part of the line.
 */
public final class ThroughputLatencyChart {
    private static final int FADED = 110;

    private ThroughputLatencyChart() {
    }

    public static XYChart build(String title, ThroughputLatency data, VariantColors colors) {
        XYChart chart = ChartStyle.newChart(title, "Achieved throughput (requests/s)", "Corrected p99 latency (ms, log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(0.0);
        for (ThroughputLatency.Series s : data.series()) {
            addMedians(chart, s, colors);
            String name = VariantLabels.display(s.variant());
            addTrials(chart, name + " each trial", s, ThroughputLatency.Point::valid, SeriesMarkers.CIRCLE,
                    colors);
            addTrials(chart, name + " generator INVALID", s, p -> !p.valid(), SeriesMarkers.CROSS, colors);
        }
        return chart;
    }

    private static void addMedians(XYChart chart, ThroughputLatency.Series s, VariantColors colors) {
        List<ThroughputLatency.Point> points = s.medians();
        if (points.isEmpty()) {
            return;
        }
        XYSeries line = chart.addSeries(VariantLabels.display(s.variant()) + " median of trials", x(points),
                y(points));
        line.setLineColor(colors.of(s.variant()));
        line.setMarkerColor(colors.of(s.variant()));
        line.setLineStyle(ChartStyle.SOLID);
        line.setMarker(SeriesMarkers.DIAMOND);
        for (int i = 0; i < points.size(); i++) {
            // Alternately above and below the point, so that labels of neighbouring steps overlap less.
            ThroughputLatency.Point p = points.get(i);
            double y = i % 2 == 0 ? p.p99Ms() * 1.15 : p.p99Ms() / 1.15;
            chart.addAnnotation(new AnnotationText(p.label(), p.achievedRatePerSec(), y, false));
        }
    }

    private static void addTrials(XYChart chart, String name, ThroughputLatency.Series s,
                                  Predicate<ThroughputLatency.Point> which, Marker marker, VariantColors colors) {
        List<ThroughputLatency.Point> points = s.trials().stream().filter(which).toList();
        if (points.isEmpty()) {
            return;
        }
        XYSeries dots = chart.addSeries(name, x(points), y(points));
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(marker);
        dots.setMarkerColor(marker == SeriesMarkers.CROSS ? colors.of(s.variant()) : colors.faded(s.variant(), FADED));
    }

    private static double[] x(List<ThroughputLatency.Point> points) {
        return points.stream().mapToDouble(ThroughputLatency.Point::achievedRatePerSec).toArray();
    }

    private static double[] y(List<ThroughputLatency.Point> points) {
        return points.stream().mapToDouble(ThroughputLatency.Point::p99Ms).toArray();
    }
}
