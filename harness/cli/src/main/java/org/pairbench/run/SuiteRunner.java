package org.pairbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pairbench.console.ProgressReporter;
import org.pairbench.core.parity.ParityCheck;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.CpuIdle;
import org.pairbench.core.result.PlatformHiccups;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunInterference;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.snippet.SnippetRun;
import org.pairbench.core.spec.PlannedWallTime;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.generator.Generator;
import org.pairbench.generator.IdleStateHold;
import org.pairbench.inprocess.InProcessTrialExecutor;
import org.pairbench.inprocess.InProcessWorkloadRunner;
import org.pairbench.inprocess.PyperfSystemCheck;
import org.pairbench.generator.GeneratorCpus;
import org.pairbench.generator.GeneratorLimits;
import org.pairbench.netty.Transport;
import org.pairbench.netty.protocol.ProtocolFactory;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.resultfiles.EnvironmentProbe;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.resultfiles.RunJsonFile;
import org.pairbench.resultfiles.SpecJson;
import org.pairbench.run.RunPlan.Trial;
import org.pairbench.run.RunPlan.WorkloadPlan;
import org.pairbench.snippets.GuideSnippetsStep;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRuntime;

/**
 * Runs a planned suite from start to end: results directory and run.json, target provisioning, generator
 * pinning, then per workload the parity check and the interleaved trials, writing summary.json as it goes; at the
 * end the report and the summary table. A failed variant never stops the suite; an interrupt stops it at once
 * with everything measured so far written.
 *
 * <p>Threading: {@link #run} on the caller's thread; {@link RunControl} lets a shutdown hook interrupt it.
 */
public final class SuiteRunner {
    private final RunOptions options;
    private final RunPlan plan;
    private final ResultLayout layout;
    private final TargetRuntime runtime;
    private final RunControl control;
    private final PrintStream out;
    /** Written once the generator is set up; variants' effective settings are added as they report them. */
    private RunJsonFile runJson;
    /** What the guide's snippets raised in this run, set before the first workload. */
    private SnippetRun snippets = SnippetRun.notRun("the run stopped before the guide snippets ran");

    SuiteRunner(RunOptions options, RunPlan plan, ResultLayout layout, TargetRuntime runtime, RunControl control,
                PrintStream out) {
        this.options = options;
        this.plan = plan;
        this.layout = layout;
        this.runtime = runtime;
        this.control = control;
        this.out = out;
    }

    /** Runs everything; returns the final summary (its status says how it ended). */
    RunSummary run() throws IOException, InterruptedException, TargetException {
        String runId = layout.dir().getFileName().toString();
        ResultsBook book = new ResultsBook(layout, runId, plan.suite().name(), runtime.name());
        ProgressReporter progress = new ProgressReporter(out, System.console() != null, plan.plannedSeconds());
        try {
            book.flush();
            RunMetadata.PythonInfo python = needsPython() ? runtime.prepare() : null;
            snippets = python == null ? SnippetRun.notRun("no Python target in this run")
                    : GuideSnippetsStep.run(options.projectDir(), runtime, progress::message);
            // before the generator is pinned, like provisioning; where the benchmark programs will run
            List<String> pyperfSystem = hasInProcess() ? PyperfSystemCheck.run(runtime,
                    layout.dir().resolve("logs").resolve("pyperf-system.log"), progress::message) : null;
            String generatorCpus = pinGenerator(progress);
            CpuSides cpuSides = CpuSides.of(generatorCpus, options.targetCpus());
            try (IdleStateHold idle = IdleStateHold.acquire();
                 Generator generator = new Generator(options.generatorThreads(), options.spinLead().toNanos())) {
                progress.message(idle.describe());
                progress.message("Measuring the platform's hiccups on the generator's core (4s)...");
                PlatformHiccups hiccups = generator.measureHiccups();
                writeRunJson(runId, python, generatorCpus, generator.transport, generator.timerSlackNs, pyperfSystem,
                        hiccups, idle.state());
                StepExecutor steps = new StepExecutor(generator, layout,
                        new StepSampler(NanoClock.SYSTEM, progress, control, cpuSides),
                        new GeneratorLimits(options.maxGeneratorLag(), GeneratorLimits.DEFAULT_MAX_CPU_SHARE,
                                GeneratorCpus.count(generatorCpus), Generator.platformP99Us(hiccups,
                                options.spinLead().toNanos())), control);
                TargetRequests requests = new TargetRequests(layout);
                TrialExecutor trials = new TrialExecutor(runtime, steps, book, progress, control, requests,
                        options.retryDisturbed());
                InProcessWorkloadRunner inProcess = new InProcessWorkloadRunner(runtime, book, progress, control,
                        requests, new InProcessTrialExecutor(runtime, layout, book, progress, control, requests,
                        cpuSides, options.retryDisturbed()));
                progress.message("Results: " + layout.dir());
                progress.message("Warming up the load generator against its own calibration server (3s)...");
                generator.warmUp();
                progress.advance(PlannedWallTime.RUN_START_SEC);
                for (WorkloadPlan w : plan.workloads()) {
                    if (control.interrupted()) {
                        break;
                    }
                    if (w.workload().inProcess()) {
                        inProcess.run(w);
                        continue;
                    }
                    runWorkload(w, book, progress, generator, requests, trials);
                }
            }
            if (runJson != null) {
                runJson.interference(RunInterference.of(book.summary()));
            }
            book.finish(control.interrupted() ? RunSummary.INTERRUPTED
                    : book.hasFailures() ? RunSummary.COMPLETED_WITH_FAILURES : RunSummary.COMPLETE);
            return book.summary();
        } catch (IOException | InterruptedException | TargetException | RuntimeException e) {
            try {
                book.finish(control.interrupted() ? RunSummary.INTERRUPTED : "failed");
            } catch (IOException | RuntimeException second) {
                e.addSuppressed(second); // a full disk fails this write too: the first error is the one to tell
            }
            throw e;
        } finally {
            runtime.close();
        }
    }

    private void runWorkload(WorkloadPlan w, ResultsBook book, ProgressReporter progress, Generator generator,
                             TargetRequests requests, TrialExecutor trials) throws IOException, InterruptedException {
        WorkloadServices services;
        try {
            services = startServices(w, generator, progress);
        } catch (TargetException e) {
            book.workload(w.workload().name(), w.workload().description(), w.workload().claims(),
                    w.profile().name(), List.of());
            book.failure(w.workload().name(), new VariantFailure("(all)", 0, null, e.getMessage(), e.exitCode(),
                    e.logTail()));
            progress.message("NOT MEASURED " + w.workload().name() + ": " + e.getMessage());
            progress.advance(w.plannedSeconds());
            return;
        }
        try (services) {
            runWorkload(w, book, progress, generator.protocols, requests, trials, services);
        }
    }

    /** The upstream server and the database the workload asks for, started before its first variant. */
    private WorkloadServices startServices(WorkloadPlan w, Generator generator, ProgressReporter progress)
            throws TargetException, InterruptedException, IOException {
        CalibrationHttpServer upstream = w.workload().upstream() ? generator.startUpstream() : null;
        DatabaseService database = null;
        if (WorkloadLoader.POSTGRES.equals(w.workload().database())) {
            try {
                // room for the guide's pool-per-request variant: up to 5 sessions per connection, plus the pools
                int maxConnections = Math.max(100, 5 * w.profile().maxConnections() + 50);
                // the runtime decides where it runs: a local cluster, or a container like its targets
                // the runtime makes its own directory or file there, and removes it when the server stops
                database = runtime.startPostgres(Path.of(System.getProperty("java.io.tmpdir")),
                        options.targetCpus(), maxConnections, progress::message);
            } catch (TargetException | RuntimeException e) {
                if (upstream != null) {
                    upstream.close();
                }
                throw e;
            }
        }
        return new WorkloadServices(upstream, database);
    }

    private void runWorkload(WorkloadPlan w, ResultsBook book, ProgressReporter progress, ProtocolFactory protocols,
                             TargetRequests requests, TrialExecutor trials, WorkloadServices services)
            throws IOException, InterruptedException {
        String name = w.workload().name();
        List<VariantInfo> infos = new ArrayList<>();
        for (VariantSpec v : w.workload().variants().values()) {
            var launch = TargetRequests.launch(v, services);
            String ranOn = runtime.runtimeFor(launch);
            if (!ranOn.equals(runtime.name())) {
                progress.message("Note: " + name + "/" + v.name() + " is a command variant: it runs as a "
                        + ranOn + " process (pinned like " + ranOn + " targets), not with --runtime "
                        + runtime.name());
            }
            infos.add(new VariantInfo(v.name(), v.description(), launch.argv(), v.settings(),
                    GuideSnippetsStep.recorded(v.guide(), snippets),
                    ranOn.equals(runtime.name()) ? null : ranOn));
        }
        book.workload(name, w.workload().description(), w.workload().claims(), w.profile().name(), infos);
        progress.message("== " + name + ": " + w.profile().name() + " profile, " + w.workload().variants().size()
                + " variants x " + w.trials().size() / Math.max(1, w.workload().variants().size())
                + " trial(s); checking that every variant answers the same");
        ParityResult parity = new ParityRound(runtime, control, out).run(w, protocols, requests, book, services,
                runJson);
        book.parity(name, parity);
        if (ParityResult.FAILED.equals(parity.status())) {
            progress.message("NOT MEASURED " + name + ": the variants do not do the same work: " + parity.error());
            progress.advance(w.plannedSeconds());
            return;
        }
        progress.advance(w.paritySeconds());
        Map<String, Long> bodyLengths = ParityCheck.bodyLengths(parity);
        List<Trial> order = w.trials();
        for (int i = 0; i < order.size(); i++) {
            if (control.interrupted()) {
                return;
            }
            Trial t = order.get(i);
            if (failedAtParity(book, name, t.variant())) {
                progress.advance(w.trialSeconds());
                continue;
            }
            String label = String.format(java.util.Locale.ROOT, "[%d/%d %s t%d]", i + 1, order.size(), t.variant(),
                    t.number());
            trials.run(w, t, label, bodyLengths, services);
        }
    }

    private static boolean failedAtParity(ResultsBook book, String workload, String variant) {
        return book.summary().workloads().stream().filter(w -> w.workload().equals(workload))
                .flatMap(w -> w.failures().stream())
                .anyMatch(f -> f.trial() == 0 && f.variant().equals(variant));
    }

    private boolean needsPython() {
        return plan.workloads().stream().flatMap(w -> w.workload().variants().values().stream())
                .anyMatch(v -> v.launch() instanceof TargetLaunch.Python);
    }

    /** Pins this JVM (the generator) to its CPUs, after provisioning so pip could use every core. */
    private String pinGenerator(ProgressReporter progress) {
        if (options.generatorCpus().isEmpty()) {
            progress.message("Note: the generator is not pinned to a CPU (fewer than 2 CPUs, or pinning turned "
                    + "off); generator and targets may compete for the same core.");
        }
        return GeneratorCpus.pin(options.generatorCpus(), progress::message);
    }

    private boolean hasInProcess() {
        return plan.workloads().stream().anyMatch(w -> w.workload().inProcess());
    }

    private void writeRunJson(String runId, RunMetadata.PythonInfo python, String generatorCpus,
                              Transport transport, long timerSlackNs, List<String> pyperfSystem,
                              PlatformHiccups hiccups, CpuIdle cpuIdle) throws IOException {
        List<com.fasterxml.jackson.databind.JsonNode> workloads = new ArrayList<>();
        for (WorkloadPlan w : plan.workloads()) {
            workloads.add(SpecJson.of(w.workload(), w.profile()));
        }
        RunMetadata meta = new RunMetadata(RunMetadata.SCHEMA, runId, Instant.now().toString(),
                options.commandLine(), plan.suite().name(), plan.suite().profile(), runtime.name(),
                EnvironmentProbe.git(options.projectDir()),
                EnvironmentProbe.environment(generatorCpus, options.targetCpus(), transport.label(),
                        options.generatorThreads(), timerSlackNs, options.spinLead().toNanos(), hiccups, cpuIdle),
                python,
                runtime.containerInfo(), workloads, pyperfSystem, snippets, plan.shard(), null);
        runJson = new RunJsonFile(layout, meta);
    }
}
