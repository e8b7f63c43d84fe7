package org.pairbench.inprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.pairbench.console.ProgressReporter;
import org.pairbench.console.StepLine;
import org.pairbench.core.inprocess.InProcessStep;
import org.pairbench.core.inprocess.PyperfOutput;
import org.pairbench.core.inprocess.PyperfOutputReader;
import org.pairbench.core.result.Interference;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.run.CpuSides;
import org.pairbench.run.RunControl;
import org.pairbench.run.RunPlan.Trial;
import org.pairbench.run.RunPlan.WorkloadPlan;
import org.pairbench.run.TargetRequests;
import org.pairbench.run.TrialExecutor;
import org.pairbench.run.WorkloadServices;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetRuntime;
import org.pairbench.targets.local.ProcStat;

/**
 * Runs one trial of an in-process variant: the variant's benchmark program, once, with the profile's pyperf
 * options and {@code --cases} naming the profile's steps, started by the runtime like a service (same interpreter,
 * CPU pinning, container, log file) but run to completion; then pyperf's JSON is read from its output and each
 * case becomes a step ({@link InProcessStep}). A program that fails, runs past the profile's trial timeout or
 * prints no result fails this trial only, with its exit code and last lines; the run goes on. What else ran on the
 * CPUs over the program's run ({@link ProgramInterference}) is recorded on each of its steps, labelled as the
 * program's ({@code Interference.program}) so that the run's totals count it once; a trial disturbed
 * beyond the bound runs once more and the retry's steps are kept, with the first attempt's interference.
 *
 * <p>Threading: the runner's thread. It polls the program every {@value #POLL_MS} ms, so Ctrl-C
 * ({@link RunControl}) stops it within that.
 */
public final class InProcessTrialExecutor {
    static final long POLL_MS = 100;
    private static final int LOG_TAIL_LINES = 20;

    private final TargetRuntime runtime;
    private final ResultLayout layout;
    private final ResultsBook book;
    private final ProgressReporter progress;
    private final RunControl control;
    private final TargetRequests requests;

    private final CpuSides cpus;
    private final boolean retryDisturbed;

    public InProcessTrialExecutor(TargetRuntime runtime, ResultLayout layout, ResultsBook book, ProgressReporter progress,
                           RunControl control, TargetRequests requests, CpuSides cpus, boolean retryDisturbed) {
        this.cpus = cpus;
        this.retryDisturbed = retryDisturbed;
        this.runtime = runtime;
        this.layout = layout;
        this.book = book;
        this.progress = progress;
        this.control = control;
        this.requests = requests;
    }

    void run(WorkloadPlan plan, Trial trial, String label) throws IOException, InterruptedException {
        try {
            runTrial(plan, trial, label);
        } finally {
            // the trial's planned time is done however it ended (a retry is not planned for)
            progress.advance(plan.trialSeconds());
        }
    }

    private void runTrial(WorkloadPlan plan, Trial trial, String label) throws IOException, InterruptedException {
        String workload = plan.workload().name();
        Attempt first = attempt(plan, trial, label);
        if (first == null) {
            return;
        }
        if (first.failure() != null) {
            fail(workload, first.failure());
            return;
        }
        Attempt kept = first;
        if (retryDisturbed && first.interference() != null && first.interference().disturbed()
                && !control.interrupted()) {
            progress.message(label + " DISTURBED: " + first.interference().disturbedReason()
                    + "; running the benchmark program once more");
            Attempt again = attempt(plan, trial, label);
            if (again != null && again.failure() != null) {
                progress.message(label + " the retry failed (" + again.failure().reason()
                        + "); the first attempt's figures are kept");
            } else if (again != null) {
                kept = new Attempt(again.steps(), null, again.interference() == null ? null
                        : again.interference().retryOf(first.interference()));
            }
        }
        // one program run's figures, on each of its cases, labelled as the program's (the totals count them once)
        Interference program = kept.interference() == null ? null
                : kept.interference().ofProgram(trial.variant() + " t" + trial.number());
        for (StepResult step : kept.steps()) {
            StepResult result = step.withInterference(program);
            book.step(workload, result);
            progress.stepFinished(StepLine.of("[" + trial.variant() + " t" + trial.number() + "]", result));
        }
    }

    /**
     * One run of the program: its cases as steps (not yet recorded) and the interference over its run, or why it
     * failed; null when the run was interrupted.
     */
    private Attempt attempt(WorkloadPlan plan, Trial trial, String label) throws IOException,
            InterruptedException {
        VariantSpec variant = plan.workload().variants().get(trial.variant());
        TargetRequest request = programRequest(requests.request(plan.workload(), variant, trial.number(),
                WorkloadServices.NONE), plan.profile());
        progress.stepStarted(label + " pyperf: " + String.join(",", caseNames(plan.profile())));
        long startedMs = System.currentTimeMillis();
        ProgramInterference window = new ProgramInterference(cpus);
        RunningTarget program;
        try {
            program = runtime.startProgram(request);
        } catch (TargetException e) {
            return Attempt.failed(new VariantFailure(variant.name(), trial.number(), null, e.getMessage(),
                    e.exitCode(), e.logTail()));
        }
        String problem;
        long[] lastCpuNs = {-1};
        boolean reaped = ProcStat.SOURCE.equals(program.resourceSource()); // a local child of this JVM
        try {
            problem = awaitExit(program, plan.profile(), reaped ? null : lastCpuNs);
        } finally {
            program.stop(); // after this the log file holds everything the program wrote
        }
        Interference interference = window.end(reaped, lastCpuNs[0]);
        OptionalInt exit = program.exitCode();
        List<String> tail = program.logTail(LOG_TAIL_LINES);
        if (control.interrupted()) {
            return null;
        }
        if (problem == null && exit.isPresent() && exit.getAsInt() != 0) {
            problem = "the benchmark program exited with code " + exit.getAsInt();
        }
        PyperfOutput output = null;
        if (problem == null) {
            try {
                output = PyperfOutputReader.read(Files.readAllLines(request.logFile(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            return Attempt.failed(new VariantFailure(variant.name(), trial.number(), null, problem,
                    exit.isPresent() ? exit.getAsInt() : null, tail));
        }
        List<StepResult> steps = new ArrayList<>();
        for (StepSpec step : plan.profile().steps()) {
            steps.add(step(output, plan, trial, step.id(), startedMs));
        }
        return new Attempt(steps, null, interference);
    }

    /** One run of the benchmark program: its steps and interference, or its failure. */
    private record Attempt(List<StepResult> steps, VariantFailure failure, Interference interference) {
        static Attempt failed(VariantFailure failure) {
            return new Attempt(List.of(), failure, null);
        }
    }

    private StepResult step(PyperfOutput output, WorkloadPlan plan, Trial trial, String caseName, long startedMs)
            throws IOException {
        String workload = plan.workload().name();
        String hlog = ResultLayout.hlogRelative(workload, trial.variant(), trial.number(), caseName);
        PyperfOutput.Benchmark bench = output.benchmark(caseName);
        if (bench == null) {
            bench = new PyperfOutput.Benchmark(caseName, List.of()); // recorded as a failed step: no values
        }
        return InProcessStep.record(bench, output.checks().getOrDefault(caseName, List.of()),
                trial.variant(), trial.number(), layout.resolve(hlog), hlog,
                "pairbench in-process step: workload " + workload + ", variant " + trial.variant() + ", trial "
                        + trial.number() + ", case " + caseName, startedMs);
    }

    /**
     * Waits for the program to exit; returns why the trial failed (timeout), or null. With {@code lastCpuNs}, keeps
     * the program's CPU time as last read there (for a program whose CPU cannot be read once it exited).
     */
    private String awaitExit(RunningTarget program, LoadProfile profile, long[] lastCpuNs)
            throws InterruptedException {
        long deadline = System.nanoTime() + profile.trialTimeout().toNanos();
        while (program.isAlive()) {
            if (lastCpuNs != null) {
                lastCpuNs[0] = Math.max(lastCpuNs[0], program.sampleResources().cpuNanos());
            }
            if (control.interrupted()) {
                return "interrupted";
            }
            if (System.nanoTime() - deadline > 0) {
                return "the benchmark program did not finish within the profile's trial-timeout ("
                        + profile.trialTimeout().toSeconds() + " s)";
            }
            Thread.sleep(POLL_MS);
        }
        return null;
    }

    /** The variant's program with the profile's pyperf options and the cases to run appended. */
    static TargetRequest programRequest(TargetRequest base, LoadProfile profile) {
        List<String> argv = new ArrayList<>(base.launch().argv());
        argv.addAll(profile.pyperfArgs());
        argv.add("--cases");
        argv.add(String.join(",", caseNames(profile)));
        TargetLaunch launch = base.launch() instanceof TargetLaunch.Python ? new TargetLaunch.Python(argv)
                : new TargetLaunch.Command(argv);
        return new TargetRequest(base.workload(), base.variant(), launch, base.host(), base.env(),
                base.workloadDir(), base.logFile());
    }

    static List<String> caseNames(LoadProfile profile) {
        return profile.steps().stream().map(StepSpec::id).toList();
    }

    private void fail(String workload, VariantFailure failure) throws IOException {
        TrialExecutor.recordFailure(book, progress, workload, failure);
    }
}
