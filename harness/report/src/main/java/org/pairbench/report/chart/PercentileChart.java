package org.pairbench.report.chart;

import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pairbench.core.record.LatencyView;
import org.pairbench.report.data.PercentileScale;
import org.pairbench.report.data.PercentileSeries;

/**
 * Percentile distribution of one step: every variant's corrected view (solid) and uncorrected view (dashed, same
 * colour), trials merged. The x axis is {@code 1/(1-p)} on a log scale, labelled 0%, 90%, 99%, 99.9%...
 */
public final class PercentileChart {
    private PercentileChart() {
    }

    public static XYChart build(String title, List<PercentileSeries> series, VariantColors colors) {
        return build(title, series, colors, Set.of());
    }

    /** @param invalid variants whose lines include a trial with an invalid generator; flagged in the legend */
    public static XYChart build(String title, List<PercentileSeries> series, VariantColors colors,
                                Set<String> invalid) {
        XYChart chart = ChartStyle.newChart(title, "Percentile (log scale of 1/(1-p))", "Latency (ms)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisMin(1.0);
        chart.getStyler().setXAxisMax(axisMax(series));
        chart.getStyler().setYAxisMin(0.0);
        chart.setCustomXAxisTickLabelsFormatter(PercentileScale::label);
        for (PercentileSeries s : series) {
            addSeries(chart, s, colors, VariantLabels.legend(s.variant(), invalid.contains(s.variant())));
        }
        return chart;
    }

    private static void addSeries(XYChart chart, PercentileSeries s, VariantColors colors, String label) {
        double[] x = s.points().stream().mapToDouble(PercentileSeries.Point::x).toArray();
        double[] y = s.points().stream().mapToDouble(PercentileSeries.Point::latencyMs).toArray();
        boolean corrected = s.view() == LatencyView.CORRECTED;
        String name = label + (corrected ? " corrected" : " uncorrected (dashed)");
        XYSeries line = chart.addSeries(name, x, y);
        // A single value (or values all at one percentile position) is a point, not a line: mark it.
        boolean point = s.points().stream().mapToDouble(PercentileSeries.Point::x).distinct().count() < 2;
        line.setMarker(point ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setMarkerColor(colors.of(s.variant()));
        line.setLineColor(colors.of(s.variant()));
        line.setLineStyle(corrected ? ChartStyle.SOLID : ChartStyle.DASHED);
        // XChart draws a plain line segment by segment, restarting the dash pattern at every (short) segment so
        // that dashed looks solid; a smooth series is one path. Its curve stays between neighbouring points.
        line.setSmooth(true);
    }

    /** The axis ends at the first whole decade at or beyond the largest count, at least 99%. */
    static double axisMax(List<PercentileSeries> series) {
        long count = series.stream().mapToLong(PercentileSeries::count).max().orElse(1);
        double decades = Math.max(2, Math.ceil(Math.log10(Math.max(1, count)) - 1e-9));
        return Math.pow(10, decades);
    }
}
