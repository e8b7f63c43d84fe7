package org.pairbench.run;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pairbench.console.ProgressReporter;
import org.pairbench.console.StepLine;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.spec.PlannedWallTime;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.run.RunPlan.Trial;
import org.pairbench.run.RunPlan.WorkloadPlan;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRuntime;

/**
 * Runs one trial: starts the variant afresh, drives its recorded warm-up, then every step of the profile, and
 * stops it. A step disturbed by other work on its CPUs ({@code InterferenceBound}) is run once more and the
 * retry's figures kept (unless the run was asked not to retry: {@code --no-retry-disturbed}). A target that does not start, or dies mid-trial, fails this trial only: the failure (exit code, last
 * log lines) and the steps measured before it are recorded, and the run goes on.
 *
 * <p>Threading: the runner's thread.
 */
public final class TrialExecutor {
    /** Step id of the closed-loop warm-up that opens every trial; its .hlog is tagged warmup throughout. */
    static final String WARMUP_STEP_ID = "warmup";

    private final TargetRuntime runtime;
    private final StepExecutor steps;
    private final ResultsBook book;
    private final ProgressReporter progress;
    private final RunControl control;
    private final TargetRequests requests;
    private final boolean retryDisturbed;

    TrialExecutor(TargetRuntime runtime, StepExecutor steps, ResultsBook book, ProgressReporter progress,
                  RunControl control, TargetRequests requests, boolean retryDisturbed) {
        this.retryDisturbed = retryDisturbed;
        this.runtime = runtime;
        this.steps = steps;
        this.book = book;
        this.progress = progress;
        this.control = control;
        this.requests = requests;
    }

    /**
     * @param services the workload's upstream and database (either may be absent)
     */
    void run(WorkloadPlan plan, Trial trial, String label, Map<String, Long> bodyLengths,
             WorkloadServices services) throws IOException, InterruptedException {
        String workload = plan.workload().name();
        VariantSpec variant = plan.workload().variants().get(trial.variant());
        double remainingSec = plan.trialSeconds();
        RunningTarget target;
        try {
            target = runtime.start(requests.request(plan.workload(), variant, trial.number(), services));
        } catch (TargetException e) {
            record(workload, new VariantFailure(variant.name(), trial.number(), null, e.getMessage(), e.exitCode(),
                    e.logTail()));
            progress.advance(remainingSec);
            return;
        }
        progress.advance(PlannedWallTime.TARGET_START_SEC);
        remainingSec -= PlannedWallTime.TARGET_START_SEC;
        TargetIncidents.started(book, workload, variant.name(), trial.number(), target);
        String current = WARMUP_STEP_ID;
        long baselineRss = target.sampleResources().rssBytes();
        try {
            StepSpec warmup = new StepSpec.ClosedLoop(plan.profile().steps().get(0).request(),
                    plan.profile().warmupConnections(), plan.profile().trialWarmup(), Duration.ZERO,
                    plan.profile().steps().get(0).timeout());
            if (!warmup.warmup().isZero()) {
                steps.run(context(plan, trial, warmup, WARMUP_STEP_ID, target, label, bodyLengths, services,
                        baselineRss));
            }
            double warmupSec = PlannedWallTime.trialWarmupSeconds(plan.profile());
            progress.advance(warmupSec);
            remainingSec -= warmupSec;
            for (StepSpec step : plan.profile().steps()) {
                if (control.interrupted()) {
                    return;
                }
                current = step.id();
                StepContext ctx = context(plan, trial, step, step.id(), target, label, bodyLengths, services,
                        baselineRss);
                StepResult result = steps.run(ctx);
                if (retryDisturbed && retries(result, control.interrupted())) {
                    result = retry(ctx, result);
                }
                book.step(workload, result);
                progress.stepFinished(StepLine.of(label, result));
                double sec = PlannedWallTime.stepSeconds(step);
                progress.advance(sec);
                remainingSec -= sec;
            }
        } catch (TargetDiedException e) {
            if (e.partial() != null) {
                book.step(workload, e.partial());
            }
            record(workload, new VariantFailure(variant.name(), trial.number(), current, e.getMessage(),
                    e.exitCode(), e.logTail()));
            progress.advance(Math.max(0, remainingSec));
        } finally {
            target.stop();
            TargetIncidents.stopped(book, workload, variant.name(), trial.number(), target);
        }
    }

    /**
     * Whether a step is run once more: it completed but other work on its CPUs exceeded the bound. A retry is
     * never retried (this is asked of first attempts only), a failed step fails for its own reason, and an
     * interrupted run stops.
     */
    static boolean retries(StepResult first, boolean interrupted) {
        return first.disturbed() && StepResult.OK.equals(first.status()) && !interrupted;
    }

    /**
     * Runs a step disturbed by other work on its CPUs once more, on the same target: the retry's figures replace
     * the first attempt's (its .hlog too), and the first attempt's interference is kept beside the retry's.
     */
    private StepResult retry(StepContext ctx, StepResult first) throws TargetDiedException, InterruptedException,
            IOException {
        progress.message(ctx.label() + " " + ctx.stepId() + " DISTURBED: " + first.interference().disturbedReason()
                + "; retrying it once");
        StepResult again = steps.run(ctx);
        return again.interference() == null ? again : again.withInterference(
                again.interference().retryOf(first.interference()));
    }

    private void record(String workload, VariantFailure failure) throws IOException {
        recordFailure(book, progress, workload, failure);
    }

    /** Records a failed trial and prints it with the target's last lines. */
    public static void recordFailure(ResultsBook book, ProgressReporter progress, String workload, VariantFailure failure)
            throws IOException {
        book.failure(workload, failure);
        StringBuilder sb = new StringBuilder("FAILED ").append(workload).append('/').append(failure.variant())
                .append(" trial ").append(failure.trial()).append(": ").append(failure.reason());
        List<String> tail = failure.logTail();
        if (!tail.isEmpty()) {
            sb.append("\n  last lines of its output:");
            tail.forEach(l -> sb.append("\n    | ").append(l));
        }
        progress.message(sb.toString());
    }

    private static StepContext context(WorkloadPlan plan, Trial trial, StepSpec step, String id,
                                       RunningTarget target, String label, Map<String, Long> bodyLengths,
                                       WorkloadServices services, long baselineRss) {
        RequestSpec request = plan.workload().requests().get(step.request());
        return new StepContext(plan.workload().name(), trial.variant(), trial.number(), step, id, request,
                plan.workload().protocol(), plan.workload().requests(), bodyLengths, target, services.upstream(), services.database(), baselineRss, label);
    }
}
