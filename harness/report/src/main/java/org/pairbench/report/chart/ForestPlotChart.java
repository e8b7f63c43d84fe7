package org.pairbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.report.data.ForestRows;

/**
 * The claims' forest plot: one row per claim (top to bottom in claims.json's order), its effect as a diamond and
 * its 95% interval as a bar on a log axis, coloured by verdict, with a black tick at each bound the hypothesis is
 * judged against and a dotted line at 1 (no difference). Above 1 the candidate is better. Stateless.
 */
public final class ForestPlotChart {
    /** Pixels per claim row; the chart grows with the number of claims. */
    static final int ROW_PX = 20;
    private static final List<String> VERDICTS = List.of(ClaimVerdict.SUPPORTED, ClaimVerdict.REFUTED,
            ClaimVerdict.INCONCLUSIVE);

    private ForestPlotChart() {
    }

    public static XYChart build(ForestRows data) {
        List<ForestRows.Row> rows = data.rows();
        int n = Math.max(1, rows.size());
        XYChart chart = ChartStyle.newChart("Every claim's effect with its 95% interval (log scale)",
                "Improvement factor of the candidate over the baseline (above 1: better); | the claim's bound",
                "", height(data));
        chart.getStyler().setYAxisTitleVisible(false);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(ForestRows.CLIP_LOW);
        chart.getStyler().setXAxisMax(ForestRows.CLIP_HIGH);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(n - 0.5);
        // each row names its claim beside its bar: XChart's own tick labels thin out long ones, and its tick
        // search did not end on some lengths of them
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        for (ForestRows.Row r : rows) {
            chart.addAnnotation(new AnnotationText(r.id(), labelX(r), y(rows, r), false));
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        line(chart, "no difference", List.of(1.0, 1.0), List.of(-0.5, n - 0.5), new Color(0x888888),
                ChartStyle.DOTTED, false);
        for (String verdict : VERDICTS) {
            List<ForestRows.Row> of = rows.stream().filter(r -> r.verdict().equals(verdict)).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> ex = new ArrayList<>();
            List<Double> ey = new ArrayList<>();
            for (ForestRows.Row r : of) {
                double row = y(rows, r);
                x.addAll(List.of(r.low(), r.high(), r.high()));
                y.add(row);
                y.add(row);
                y.add(null); // a gap: each interval its own bar
                ex.add(r.effect());
                ey.add(row);
            }
            Color color = color(verdict);
            line(chart, verdict + " interval", x, y, color, new BasicStroke(4f), false);
            XYSeries points = chart.addSeries(verdict, ex, ey);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.DIAMOND);
            points.setMarkerColor(color.darker());
        }
        List<Double> tx = new ArrayList<>();
        List<Double> ty = new ArrayList<>();
        for (ForestRows.Row r : rows) {
            for (double t : r.thresholds()) {
                tx.addAll(List.of(t, t, t));
                ty.add(y(rows, r) - 0.3);
                ty.add(y(rows, r) + 0.3);
                ty.add(null);
            }
        }
        if (!tx.isEmpty()) {
            line(chart, "bound", tx, ty, Color.BLACK, ChartStyle.SOLID, false);
        }
        return chart;
    }

    /**
     * Draws the plot into {@code charts/claims-forest.png} (and .svg) of the results directory; null when no claim
     * has a ratio effect to plot.
     */
    public static ChartRef render(Path resultsDir, ForestRows data, boolean withSvg)
            throws IOException {
        if (data.rows().isEmpty()) {
            return null;
        }
        Path dir = resultsDir.resolve("charts");
        List<Path> files = ChartStyle.save(build(data), dir, FILE, withSvg);
        String caption = data.rows().size() + " claims: diamond = effect, bar = 95% interval (cut at "
                + "0.001 and 10,000), black tick = the bound the hypothesis is judged against, dotted = no difference"
                + (data.skipped() == 0 ? "" : "; " + data.skipped() + " not drawn (counts, which are differences, "
                + "and claims without data)") + ".";
        return new ChartRef(ChartRef.Kind.FOREST, ChartRef.CLAIMS, "Every claim's effect and 95% interval",
                "charts/" + FILE + ".png", files.size() > 1 ? "charts/" + FILE + ".svg" : null, caption,
                List.of());
    }

    /** The plot's file name in charts/, without extension. */
    static final String FILE = "claims-forest";

    /** The chart's height for this many rows: the rows, plus title, axis and legend. */
    public static int height(ForestRows data) {
        return Math.max(ChartStyle.HEIGHT / 2, data.rows().size() * ROW_PX + 170);
    }

    /**
     * Where a row's name goes (the text is centred there): right of the interval when it fits before the axis
     * ends, else left of it. Estimated from the font's average width, in decades of the log axis.
     */
    static double labelX(ForestRows.Row r) {
        double decades = Math.log10(ForestRows.CLIP_HIGH / ForestRows.CLIP_LOW);
        double pxPerDecade = (ChartStyle.WIDTH - 140) / decades;
        double half = (r.id().length() * CHAR_PX / 2 + 10) / pxPerDecade;
        double right = Math.log10(r.high()) + half;
        if (right + half <= Math.log10(ForestRows.CLIP_HIGH)) {
            return Math.pow(10, right);
        }
        return Math.pow(10, Math.max(Math.log10(ForestRows.CLIP_LOW) + half, Math.log10(r.low()) - half));
    }

    /** Average width of a character of the annotation font (11 pt sans), in pixels. */
    private static final double CHAR_PX = 6.2;

    private static double y(List<ForestRows.Row> rows, ForestRows.Row r) {
        return rows.size() - 1 - rows.indexOf(r);
    }

    /** The page's verdict badge colours, darkened enough to read as lines. */
    static Color color(String verdict) {
        return switch (verdict) {
            case ClaimVerdict.SUPPORTED -> new Color(0x2e9e4f);
            case ClaimVerdict.REFUTED -> new Color(0xc8412f);
            default -> new Color(0x8a94a3);
        };
    }

    private static void line(XYChart chart, String name, List<Double> x, List<Double> y, Color color,
                             BasicStroke stroke, boolean legend) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setShowInLegend(legend);
    }
}
