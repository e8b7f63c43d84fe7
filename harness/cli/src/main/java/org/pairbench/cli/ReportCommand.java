package org.pairbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.report.ReportRenderer;
import org.pairbench.run.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pairbench report DIR}: re-renders charts and index.html from a results directory's files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-renders the charts and index.html of a results directory from its files alone "
                + "(summary.json, run.json, .hlog), and prints its summary table.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A results directory written by pairbench run.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        ResultLayout layout = new ResultLayout(dir);
        if (!Files.isRegularFile(layout.summaryJson())) {
            throw new IllegalArgumentException(dir + " is not a results directory (no summary.json)");
        }
        List<Path> written = ReportRenderer.render(dir);
        RunSummary summary = ResultsJson.read(layout.summaryJson(), RunSummary.class);
        System.out.print(SummaryTable.render(summary));
        System.out.println();
        System.out.println("Rendered " + written.size() + " files; open " + layout.indexHtml());
        return 0;
    }
}
