package org.pairbench.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pairbench.report.data.ResourceCosts;

/**
 * Grouped bars over the steps of a workload: per step, one bar per variant (the median of its valid trials), each
 * trial as a dot on its bar and each trial with an invalid generator as a cross. Drawn on an {@link XYChart} (steps
 * at x = 0, 1, 2 ..., labelled with their ids) so that bars and trial points share one axis, which XChart's
 * category charts cannot do. Stateless.
 */
final class StepBars {
    /** Share of a step's width the variants' bars fill together; the rest separates the steps. */
    private static final double GROUP_WIDTH = 0.8;
    /** Share of its slot a bar fills, so that neighbouring variants' bars do not touch. */
    private static final double BAR_WIDTH = 0.8;
    private static final int FADED = 150;
    /** Width of the plot a chart of {@link ChartStyle#WIDTH} leaves the steps, legend and y axis taken, px. */
    private static final double PLOT_PX = 600;
    /** Rough width of one character of a tick label (12 pt sans), px; and the label's height. */
    private static final double CHAR_PX = 7.5;
    private static final double LINE_PX = 14;
    /** XChart's longest tick label (AxisTickCalculator_.MAX_LABEL_LENGTH). */
    static final int MAX_LABEL = 20;
    private static final char ZERO_WIDTH = '\u200b';

    private StepBars() {
    }

    /**
     * @param scale converts a value of the data to the unit of the y axis
     */
    static XYChart build(String title, String yAxisTitle, ResourceCosts data, DoubleUnaryOperator scale,
                         VariantColors colors) {
        XYChart chart = ChartStyle.newChart(title, "Step", yAxisTitle);
        List<String> steps = data.steps();
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(steps.size() - 0.5);
        chart.getStyler().setYAxisMin(Math.min(0.0, minOf(data, scale)));
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisLabelRotation(rotation(steps));
        chart.setCustomXAxisTickLabelsFormatter(x -> label(steps, x));
        int variants = data.series().size();
        for (int v = 0; v < variants; v++) {
            ResourceCosts.Series s = data.series().get(v);
            addBars(chart, s, v, variants, scale, colors);
            addTrials(chart, VariantLabels.display(s.variant()) + " each trial", s, ResourceCosts.Point::valid,
                    SeriesMarkers.CIRCLE, v, variants, scale, colors);
            addTrials(chart, VariantLabels.display(s.variant()) + " generator INVALID", s, p -> !p.valid(),
                    SeriesMarkers.CROSS, v, variants, scale, colors);
        }
        return chart;
    }

    /** The x of a variant's slot within a step: the variants side by side, centred on the step. */
    static double slotCentre(int stepIndex, int variant, int variants) {
        double slot = GROUP_WIDTH / variants;
        return stepIndex - GROUP_WIDTH / 2 + slot * (variant + 0.5);
    }

    /**
     * The tick label at x: the step id at a whole x, an invisible label elsewhere. XChart widens its tick step until
     * every tick's label differs from the others and is at most {@link #MAX_LABEL} characters (a longer one makes it
     * widen forever), so ids are shortened to that, and the invisible labels spell x in hundredths in binary with
     * two invisible characters: the ticks then settle every half or tenth of a step, which puts one on every whole
     * x, and only those show text.
     */
    static String label(List<String> steps, double x) {
        long i = Math.round(x);
        if (Math.abs(x - i) < 1e-6 && i >= 0 && i < steps.size()) {
            String id = steps.get((int) i);
            return id.length() <= MAX_LABEL ? id : id.substring(0, MAX_LABEL - 1) + "\u2026";
        }
        long hundredths = Math.round(x * 100);
        String bits = Long.toBinaryString(Math.min(Math.abs(hundredths), (1L << (MAX_LABEL - 3)) - 1))
                .replace('0', ' ').replace('1', ZERO_WIDTH);
        return (hundredths < 0 ? ZERO_WIDTH + "" + ZERO_WIDTH : " ") + bits;
    }

    /** Level labels when the longest id fits its step's width, slanted when that fits, upright otherwise. */
    static int rotation(List<String> steps) {
        double perStep = PLOT_PX / Math.max(1, steps.size());
        double text = CHAR_PX * steps.stream().mapToInt(id -> Math.min(MAX_LABEL, id.length())).max().orElse(0);
        if (text * 1.1 < perStep) {
            return 0;
        }
        return (text + LINE_PX) * Math.sqrt(0.5) * 1.1 < perStep ? 45 : 90;
    }

    /**
     * One filled polygon for all of a variant's bars: up, across and down for each bar, along the zero line between
     * them, so the legend shows one filled swatch per variant. No outline: it would draw that zero line too.
     */
    private static void addBars(XYChart chart, ResourceCosts.Series s, int variant, int variants,
                                DoubleUnaryOperator scale, VariantColors colors) {
        if (s.medians().isEmpty()) {
            return;
        }
        double half = GROUP_WIDTH / variants * BAR_WIDTH / 2;
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (ResourceCosts.Point p : s.medians()) {
            double c = slotCentre(p.stepIndex(), variant, variants);
            double top = scale.applyAsDouble(p.value());
            x.addAll(List.of(c - half, c - half, c + half, c + half));
            y.addAll(List.of(0.0, top, top, 0.0));
        }
        XYSeries bars = chart.addSeries(VariantLabels.display(s.variant()) + " median of valid trials", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(colors.faded(s.variant(), FADED));
        bars.setLineColor(colors.of(s.variant()));
        bars.setLineStyle(SeriesLines.NONE);
    }

    private static void addTrials(XYChart chart, String name, ResourceCosts.Series s,
                                  Predicate<ResourceCosts.Point> which, Marker marker, int variant, int variants,
                                  DoubleUnaryOperator scale, VariantColors colors) {
        List<ResourceCosts.Point> points = s.trials().stream().filter(which).toList();
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> slotCentre(p.stepIndex(), variant, variants)).toArray();
        double[] y = points.stream().mapToDouble(p -> scale.applyAsDouble(p.value())).toArray();
        XYSeries dots = chart.addSeries(name, x, y);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(marker);
        dots.setMarkerColor(colors.of(s.variant()));
    }

    private static double minOf(ResourceCosts data, DoubleUnaryOperator scale) {
        return data.series().stream().flatMap(s -> s.trials().stream())
                .mapToDouble(p -> scale.applyAsDouble(p.value())).min().orElse(0.0);
    }
}
