package org.pairbench.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pairbench.core.verdict.Metric;
import org.pairbench.report.data.PhaseLadder;

/**
 * A migration ladder: one figure per phase, the phases left to right in order (x = 0, 1, 2 ..., labelled with the
 * variants' names), one line per ladder joining the phases' medians, a whisker from each phase's lowest to highest
 * valid trial, each trial as a dot and each trial with an invalid generator as a cross. Throughput in req/s, p99 in
 * ms, both from zero so that the rungs' heights compare. Each ladder (a step) has its own colour, from a palette of
 * its own so the run's variant colours stay as they are. Stateless.
 */
public final class LadderChart {
    private LadderChart() {
    }

    /** @param ladders the ladders to draw, all of one metric and the same phases ({@link PhaseLadder}) */
    public static XYChart build(String title, List<PhaseLadder> ladders) {
        Metric metric = ladders.isEmpty() ? Metric.THROUGHPUT : ladders.get(0).metric();
        boolean latency = metric != Metric.THROUGHPUT;
        DoubleUnaryOperator scale = latency ? us -> us / 1000.0 : v -> v;
        XYChart chart = ChartStyle.newChart(title, "Phase of the migration, in order",
                latency ? "Corrected " + metric.key() + " (ms)" : "Throughput (req/s, ok responses)");
        List<String> phases = ladders.isEmpty() ? List.of()
                : ladders.get(0).rungs().stream().map(PhaseLadder.Rung::variant).toList();
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(Math.max(1, phases.size()) - 0.5);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisLabelRotation(StepBars.rotation(phases));
        chart.setCustomXAxisTickLabelsFormatter(x -> StepBars.label(phases, x));
        VariantColors colors = new VariantColors();
        for (PhaseLadder ladder : ladders) {
            addMedians(chart, ladder, scale, colors);
            addWhiskers(chart, ladder, scale, colors);
            addTrials(chart, ladder.label() + " each trial", ladder, PhaseLadder.Trial::valid, SeriesMarkers.CIRCLE,
                    scale, colors);
            addTrials(chart, ladder.label() + " generator INVALID", ladder, t -> !t.valid(), SeriesMarkers.CROSS,
                    scale, colors);
        }
        return chart;
    }

    /** The line through the phases' medians; a phase without one leaves a gap. */
    private static void addMedians(XYChart chart, PhaseLadder ladder, DoubleUnaryOperator scale,
                                   VariantColors colors) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < ladder.rungs().size(); i++) {
            Double median = ladder.rungs().get(i).median();
            x.add((double) i);
            y.add(median == null ? null : scale.applyAsDouble(median)); // XChart leaves a gap at a null value
        }
        XYSeries line = chart.addSeries(medianLegend(ladder), x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.DIAMOND);
        line.setLineColor(colors.of(ladder.label()));
        line.setMarkerColor(colors.of(ladder.label()));
        line.setLineStyle(ChartStyle.SOLID);
    }

    /**
     * The median line's legend: it says which phases have no valid trial (their point is a gap), and says so
     * outright when none has, rather than promising a median the chart does not draw.
     */
    static String medianLegend(PhaseLadder ladder) {
        List<String> without = new ArrayList<>();
        for (PhaseLadder.Rung r : ladder.rungs()) {
            if (r.median() == null) {
                without.add("p" + r.phase());
            }
        }
        if (without.size() == ladder.rungs().size()) {
            return ladder.label() + ": no valid trial at any phase";
        }
        String legend = ladder.label() + " median of valid trials";
        return without.isEmpty() ? legend : legend + " (none valid at " + String.join(", ", without) + ")";
    }

    /** Lowest to highest valid trial per phase: vertical segments of one series, separated by gaps. */
    private static void addWhiskers(XYChart chart, PhaseLadder ladder, DoubleUnaryOperator scale,
                                    VariantColors colors) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < ladder.rungs().size(); i++) {
            PhaseLadder.Rung r = ladder.rungs().get(i);
            if (r.low() != null) {
                x.addAll(List.of((double) i, (double) i, (double) i));
                y.add(scale.applyAsDouble(r.low()));
                y.add(scale.applyAsDouble(r.high()));
                y.add(null);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries whiskers = chart.addSeries(ladder.label() + " spread of valid trials", x, y);
        whiskers.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        whiskers.setMarker(SeriesMarkers.NONE);
        whiskers.setLineColor(colors.faded(ladder.label(), 170));
        whiskers.setLineStyle(ChartStyle.THIN);
        whiskers.setShowInLegend(false);
    }

    private static void addTrials(XYChart chart, String name, PhaseLadder ladder, Predicate<PhaseLadder.Trial> which,
                                  Marker marker, DoubleUnaryOperator scale, VariantColors colors) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < ladder.rungs().size(); i++) {
            for (PhaseLadder.Trial t : ladder.rungs().get(i).trials()) {
                if (which.test(t)) {
                    x.add((double) i);
                    y.add(scale.applyAsDouble(t.value()));
                }
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries dots = chart.addSeries(name, x, y);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(marker);
        dots.setMarkerColor(colors.faded(ladder.label(), 150));
    }
}
