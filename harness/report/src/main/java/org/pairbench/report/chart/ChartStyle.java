package org.pairbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.pairbench.core.result.ResultsJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * What all charts share: size, fonts, {@link Locale#ROOT} number formatting, legend placement, line strokes, and
 * saving as PNG and SVG. Stateless.
 */
public final class ChartStyle {
    public static final int WIDTH = 1080;
    public static final int HEIGHT = 560;
    static final BasicStroke SOLID = new BasicStroke(2.2f);
    static final BasicStroke THIN = new BasicStroke(1.2f);
    static final BasicStroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 4f}, 0f);

    private ChartStyle() {
    }

    /** A line chart with a title, axis titles (with units) and the shared look. */
    public static XYChart newChart(String title, String xAxisTitle, String yAxisTitle) {
        return newChart(title, xAxisTitle, yAxisTitle, HEIGHT);
    }

    /** As {@link #newChart(String, String, String)}, {@code heightPx} high (a chart of one row per claim). */
    public static XYChart newChart(String title, String xAxisTitle, String yAxisTitle, int heightPx) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(heightPx).title(title).xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle).build();
        XYStyler s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // Right of the plot, one entry per line: never cut off, however many variants.
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(Color.WHITE);
        s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAnnotationTextFontColor(new Color(0x444444));
        s.setChartTitleBoxVisible(false);
        s.setMarkerSize(6);
        return chart;
    }

    /**
     * Writes the chart as {@code <baseName>.png} and, when {@code withSvg}, {@code <baseName>.svg} in {@code dir}.
     *
     * @return the files written, the PNG first
     */
    public static List<Path> save(XYChart chart, Path dir, String baseName, boolean withSvg) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        writeWhole(png, out -> ChartEncoder.saveChart(chart, out, "png"));
        if (!withSvg) {
            Files.deleteIfExists(svg); // an SVG of an earlier rendering would no longer match the PNG
            return List.of(png);
        }
        // Needs VectorGraphics2D on the class path (an optional dependency of XChart, declared in our pom).
        writeWhole(svg, out -> ChartEncoder.saveChart(chart, out, "svg"));
        return List.of(png, svg);
    }

    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    /** Through a temporary file renamed into place: a full disk leaves no half chart, and no temporary file. */
    private static void writeWhole(Path file, Encoder encoder) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                encoder.encode(out);
            }
            ResultsJson.moveInPlace(tmp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file-name-safe form of an id: letters, digits, '.', '_' and '-' kept, anything else becomes '_'. */
    public static String fileSafe(String id) {
        String safe = id == null ? "" : id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
