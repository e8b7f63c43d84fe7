package org.pairbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunSummary;
import org.pairbench.merge.MergedRun;
import org.pairbench.merge.ShardSet;
import org.pairbench.resultfiles.ResultsDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pairbench merge DIR... --out DIR}: one results directory from the directories of {@code run --shard I/N}.
 * The shards are checked ({@link ShardSet}), their files joined ({@link MergedRun}), then the claims are judged once
 * over the merged summary and the report rendered, by the code {@code report} uses.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Joins the results directories of a suite run in shards (run --shard I/N, on several machines "
                + "or CI jobs) into one: summary.json, run.json (which machine ran which workload), the interval "
                + "and target logs; then judges the claims once over the merged data (claims.json) and renders the "
                + "charts and index.html, as pairbench report does.",
            "Every shard 1..N must be given once; shards of different suites, splits, harness revisions, runtimes, "
                + "workload definitions or Python package versions are refused with the reason."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged; every shard complete",
            "1:could not merge (a directory unreadable or not a shard, a shard missing or given twice, --out not "
                + "empty)",
            "2:wrong arguments",
            "3:merged, but a shard completed with failures or was interrupted (the merged status says which)",
            "5:MISMATCHED: the shards are of different runs; nothing written"})
final class MergeCommand implements Callable<Integer> {
    static final int MISMATCHED = 5;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' results directories.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The merged results directory. Must be new or empty.")
    Path out;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path project = ProjectDir.get(); // the claims come from its workloads/: found before anything is written
        ShardSet set;
        try {
            set = ShardSet.read(dirs);
        } catch (ShardSet.Refused e) {
            spec.commandLine().getErr().println("pairbench: " + e.getMessage());
            return e.mismatched() ? MISMATCHED : OneLineErrors.FAILURE;
        }
        // new or empty, claimed atomically: a shard's own directory is never written into
        ResultLayout layout = ResultsDirectory.create(out);
        List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        commandLine.add(0, "merge");
        RunSummary summary = MergedRun.write(set, layout, commandLine);
        // judged once, over every shard's workloads, by the code report uses
        report.judgeAndRender(project, layout, summary, System.out);
        System.out.println("Merged " + set.shards().size() + " shards into " + out + "  (open index.html)");
        System.out.println("Status: " + summary.status());
        return RunSummary.COMPLETE.equals(summary.status()) ? 0 : RunCommand.COMPLETED_WITH_FAILURES;
    }
}
