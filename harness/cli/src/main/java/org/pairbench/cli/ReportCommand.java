package org.pairbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.console.ClaimsTable;
import org.pairbench.console.SummaryTable;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.report.ReportRenderer;
import org.pairbench.resultfiles.ClaimsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pairbench report DIR}: recomputes the claims' verdicts (claims.json) and re-renders charts and index.html
 * from a results directory's files alone.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Recomputes the claims' verdicts (claims.json, from summary.json and workloads/claims.yaml) "
                + "and re-renders the charts and index.html of a results directory from its files alone "
                + "(summary.json, run.json, .hlog); prints its summary and claims tables.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A results directory written by pairbench run.")
    Path dir;

    @Option(names = "--no-svg", description = "Draw the charts as PNG only (SVGs are about nine tenths of a "
            + "run's size; for a run kept in git). Removes SVGs of an earlier rendering.")
    boolean noSvg;

    @Option(names = "--claims", paramLabel = "FILE",
            description = "A claims file of your own (the format of workloads/claims.yaml), judged with the "
                    + "project's claims and the measured workload files' own. Repeatable.")
    List<Path> claimFiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ResultLayout layout = new ResultLayout(dir);
        if (!Files.isRegularFile(layout.summaryJson())) {
            throw new IllegalArgumentException(dir + " is not a results directory (no summary.json)");
        }
        RunSummary summary = ResultFiles.readSummary(layout.summaryJson());
        // recomputed from summary.json and the current claims, before the page that shows it renders
        ClaimsReport claims = ClaimsFile.write(ProjectDir.get(), layout, summary, claimFiles, System.err);
        List<Path> written = ReportRenderer.render(dir, !noSvg);
        System.out.print(SummaryTable.render(summary));
        System.out.print(ClaimsTable.render(claims));
        System.out.println();
        System.out.println("Rendered " + written.size() + " files; open " + layout.indexHtml());
        return 0;
    }
}
