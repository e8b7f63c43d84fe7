package org.pairbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.pairbench.console.ClaimsTable;
import org.pairbench.console.SummaryTable;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.report.ReportRenderer;
import org.pairbench.resultfiles.ClaimsFile;
import org.pairbench.resultfiles.ReferenceClaims;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options and the work of re-judging and re-rendering a results directory from its files, shared by
 * {@code report} and {@code merge} so that a merged directory is judged exactly as {@code report} judges one.
 */
final class ReportOptions {
    @Option(names = "--no-svg", description = "Draw the charts as PNG only (SVGs are about nine tenths of a "
            + "run's size; for a run kept in git). Removes SVGs of an earlier rendering.")
    boolean noSvg;

    @Mixin
    ClaimFilesOption claims = new ClaimFilesOption();

    /**
     * Judges the claims from summary.json (claims.json, before the page that shows it renders), renders charts and
     * index.html, and prints the summary and claims tables; returns the files rendered.
     */
    List<Path> judgeAndRender(Path project, ResultLayout layout, RunSummary summary, PrintStream out)
            throws IOException {
        ClaimsReport claims = ClaimsFile.write(project, layout, summary, this.claims.files, System.err);
        List<Path> written = ReportRenderer.render(layout.dir(), !noSvg);
        out.print(SummaryTable.render(summary));
        out.print(ClaimsTable.render(claims));
        // a one-trial run (quick) re-rendered: its readings beside the published verdicts, as the run printed them
        out.print(ReferenceClaims.comparison(project, summary, claims));
        out.println();
        return written;
    }
}
