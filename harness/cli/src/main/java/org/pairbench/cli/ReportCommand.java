package org.pairbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ReportOptions report = new ReportOptions();

    @Override
    public Integer call() throws Exception {
        ResultLayout layout = new ResultLayout(dir);
        if (!Files.isRegularFile(layout.summaryJson())) {
            throw new IllegalArgumentException(dir + " is not a results directory (no summary.json)");
        }
        RunSummary summary = ResultFiles.readSummary(layout.summaryJson());
        List<Path> written = report.judgeAndRender(ProjectDir.get(), layout, summary, System.out);
        System.out.println("Rendered " + written.size() + " files; open " + layout.indexHtml());
        return 0;
    }
}
