package org.pairbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.report.chart.ChartRef;
import org.pairbench.report.chart.ForestPlotChart;
import org.pairbench.report.chart.VariantColors;
import org.pairbench.report.data.ForestRows;
import org.pairbench.report.chart.WorkloadCharts;
import org.pairbench.report.html.IndexPage;

/**
 * Renders a results directory's charts ({@code charts/<workload>/*.png, *.svg}) and {@code index.html} from its
 * result files alone ({@code run.json}, {@code summary.json}, {@code claims.json} when present, the {@code .hlog}
 * files), so any old run can be
 * re-rendered. Partial runs are fine: whatever is missing or failed is shown as such, never thrown.
 *
 * <p>Rendering is headless: {@code java.awt.headless} is set to {@code true} unless the caller set it. Call from
 * one thread at a time per directory.
 */
public final class ReportRenderer {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportRenderer() {
    }

    /**
     * @param resultsDir a results directory ({@code results/<run-id>})
     * @return every file written: the charts, then {@code index.html} last
     * @throws java.nio.file.NoSuchFileException when the directory has neither {@code run.json} nor
     *                                           {@code summary.json}
     * @throws IOException                       when {@code index.html} cannot be written
     */
    public static List<Path> render(Path resultsDir) throws IOException {
        return render(resultsDir, true);
    }

    /**
     * As {@link #render(Path)}; without SVG charts when {@code withSvg} is false (a tenth of the size: for a run
     * kept in git, such as the published reference run).
     */
    public static List<Path> render(Path resultsDir, boolean withSvg) throws IOException {
        ResultsInput input = ResultsInput.read(resultsDir);
        RunSummary summary = input.summary();
        List<WorkloadResult> workloads = summary == null ? List.of() : summary.workloads();
        VariantColors colors = new VariantColors();
        // Colours are fixed for the whole run up front, so a variant keeps its colour in every chart and table.
        workloads.forEach(w -> WorkloadCharts.variantNames(w).forEach(colors::of));
        List<Path> written = new ArrayList<>();
        List<WorkloadCharts.Result> charts = new ArrayList<>();
        for (WorkloadResult w : workloads) {
            WorkloadCharts.Result result = WorkloadCharts.render(input.layout(), w, colors, withSvg);
            charts.add(result);
            written.addAll(result.files());
        }
        ChartRef forest = input.claims() == null ? null
                : ForestPlotChart.render(input.layout().dir(), ForestRows.of(input.claims()), withSvg);
        if (forest != null) {
            written.add(input.layout().dir().resolve(forest.png()));
            if (forest.svg() != null) {
                written.add(input.layout().dir().resolve(forest.svg()));
            }
        }
        String page = IndexPage.render(input.run(), summary, charts, colors, input.problems(),
                input.claims(), input.claimsProblem(), forest);
        written.add(writeAtomically(input.layout().indexHtml(), page));
        return List.copyOf(written);
    }

    private static Path writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            ResultsJson.moveInPlace(tmp, file);
            return file;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
