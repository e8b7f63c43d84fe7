package org.pairbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.compare.RunMatch;
import org.pairbench.console.ClaimsTable;
import org.pairbench.console.SummaryTable;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.Suite;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.report.ReportRenderer;
import org.pairbench.core.verdict.ClaimSpecs;
import org.pairbench.resultfiles.ClaimsFile;
import org.pairbench.resultfiles.EnvironmentProbe;
import org.pairbench.resultfiles.ReferenceClaims;
import org.pairbench.resultfiles.ResultsDirectory;
import org.pairbench.resultfiles.SpecJson;
import org.pairbench.targets.TargetRuntime;
import org.pairbench.targets.local.RunRecord;

/**
 * Entry point of {@code pairbench run}: resolves the plan, creates the results directory, installs the Ctrl-C
 * handling, runs the suite, judges the claims (claims.json), renders the report and prints the summary and claims
 * tables.
 *
 * <p>Killed: targets die with the harness (their parent-death signal); the next run removes anything still running
 * from this run's record and marks its summary.json abandoned ({@link DeadRuns}).
 *
 * <p>Ctrl-C: the shutdown hook asks the runner to stop, stops every target (so nothing is left running), and
 * waits for the runner to write summary.json with status {@code interrupted}; the step under way ends at once and
 * its .hlog is still written (its 1-second intervals are kept in memory until the step ends), so everything
 * measured so far stays readable.
 */
public final class Runs {
    private static final long HOOK_WAIT_MS = 20_000;

    private Runs() {
    }

    public static RunSummary run(RunOptions options, PrintStream out, PrintStream err) throws Exception {
        return run(options, out, err, RunRecord.directory(System.getenv()), false);
    }

    /**
     * The run with its record in {@code records}; with {@code keepRecord} the record is kept (renamed) when the
     * run ends, so that in-JVM tests check what was left running by the run's own pids.
     */
    static RunSummary run(RunOptions options, PrintStream out, PrintStream err, Path records, boolean keepRecord)
            throws Exception {
        RunPlan plan = plan(options);
        DeadRuns.sweep(records, err::println);
        RunRecord record = RunRecord.create(records, options.outDir(), err::println, keepRecord);
        TargetRuntime runtime;
        ResultLayout layout;
        try {
            // before the results directory: a runtime that cannot work (no Docker engine) leaves nothing behind
            runtime = TargetRuntimes.create(options, plan.workloads().stream().map(RunPlan.WorkloadPlan::workload)
                    .toList(), record, err::println);
            layout = createResultsDir(options, runtime);
        } catch (Exception e) {
            record.close();
            throw e;
        }
        RunControl control = new RunControl();
        Thread hook = new Thread(() -> {
            control.interrupt();
            err.println("\nInterrupted: stopping targets and writing the results measured so far...");
            runtime.close();
            try {
                control.awaitFinished(HOOK_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pairbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunSummary summary;
            try {
                summary = new SuiteRunner(options, plan, layout, runtime, control, err).run();
            } finally {
                // the runner closed the runtime: nothing recorded runs any more. Now, not after the report: on
                // Ctrl-C the JVM may stop before the report is drawn, and the record must not outlive the run
                record.close();
            }
            // before the report: the page draws its claims table from claims.json
            ClaimsReport claims = ClaimsFile.write(options.projectDir(), layout, summary, options.claimFiles(), err);
            if (options.renderReport()) {
                render(layout.dir(), err);
            }
            out.print(SummaryTable.render(summary));
            out.print(ClaimsTable.render(claims));
            // a one-trial run: what it measured beside the published verdicts
            out.print(ReferenceClaims.comparison(options.projectDir(), summary, claims));
            out.println();
            out.println("Results: " + layout.dir() + (options.renderReport() ? "  (open index.html)" : ""));
            out.println("Status: " + summary.status());
            out.flush();
            return summary;
        } finally {
            control.finished();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }

    private static ResultLayout createResultsDir(RunOptions options, TargetRuntime runtime)
            throws IOException {
        try {
            return ResultsDirectory.create(options.outDir());
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private static void render(Path dir, PrintStream err) {
        try {
            ReportRenderer.render(dir);
        } catch (IOException | RuntimeException e) {
            err.println("Could not render the report (" + e.getMessage() + "); the result files are intact: "
                    + "retry with ./pairbench report " + dir);
        }
    }

    /** Resolves the suite and its workloads (or the ones asked for) with the profile each runs. */
    static RunPlan plan(RunOptions options) {
        WorkloadCatalog catalog = new WorkloadCatalog(options.projectDir().resolve("workloads"));
        Suite suite = catalog.suite(options.suite());
        List<RunPlan.WorkloadPlan> plans = new ArrayList<>();
        List<String> names = options.workloads().isEmpty() ? suite.workloads() : options.workloads();
        Path relativeTo = options.workloads().isEmpty() ? suite.file().toAbsolutePath().getParent() : null;
        for (String name : names) {
            Workload w = catalog.workload(name, relativeTo);
            LoadProfile profile = w.profiles().get(suite.profile());
            if (profile == null) {
                throw new IllegalArgumentException("workload '" + w.name() + "' (" + w.file() + ") has no profile '"
                        + suite.profile() + "' (it has: " + String.join(", ", w.profiles().keySet()) + ")");
            }
            plans.add(RunPlan.plan(w, profile, options.trials() > 0 ? options.trials() : suite.trialsOverride()));
        }
        // the claims this run will be judged by, checked now: a typo must not cost an hour's run its verdicts
        ClaimSpecs.load(catalog, plans.stream().map(RunPlan.WorkloadPlan::workload).toList(), options.claimFiles());
        return options.shard() == null ? new RunPlan(suite, plans) : shardOf(suite, plans, options.shard());
    }

    /**
     * The part of the plan {@code --shard I/N} asks for, with what run.json says of it: the shard's workloads and,
     * so that {@code merge} can check the shards belong together, every workload of the suite with its hash.
     */
    static RunPlan shardOf(Suite suite, List<RunPlan.WorkloadPlan> plans, Shard shard) {
        List<RunPlan.WorkloadPlan> mine = ShardSplit.split(plans, shard.count()).get(shard.index() - 1);
        Map<String, String> suiteWorkloads = new LinkedHashMap<>();
        for (RunPlan.WorkloadPlan w : plans) {
            suiteWorkloads.put(w.workload().name(), RunMatch.hash(SpecJson.of(w.workload(), w.profile())));
        }
        RunMetadata.ShardInfo info = new RunMetadata.ShardInfo(shard.index(), shard.count(),
                EnvironmentProbe.hostname(), mine.stream().map(w -> w.workload().name()).toList(), suiteWorkloads);
        return new RunPlan(suite, mine, info);
    }
}
