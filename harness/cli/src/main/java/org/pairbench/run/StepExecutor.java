package org.pairbench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.TargetResources;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.load.HttpLoadDriver;
import org.pairbench.netty.load.HttpTarget;
import org.pairbench.netty.load.LoadException;
import org.pairbench.netty.load.LoadTimeline;
import org.pairbench.netty.load.RunningStep;

/**
 * Runs one step against a started target and turns what was recorded into a {@link StepResult}: starts the
 * driver, samples every worker's recorder into the step's {@code .hlog} once a second, reads the target's CPU at
 * the start and end of the measured period and its memory every second, reads the generator's own CPU, and
 * watches that the target is still alive.
 *
 * <p>Threading: runs on the runner's thread, which is the sampling thread; the workers run on the generator's
 * event loops.
 */
final class StepExecutor {
    private static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final HttpLoadDriver driver;
    private final NanoClock clock;
    private final ResultLayout layout;
    private final ProgressReporter progress;
    private final GeneratorLimits limits;
    private final RunControl control;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    StepExecutor(HttpLoadDriver driver, NanoClock clock, ResultLayout layout, ProgressReporter progress,
                 GeneratorLimits limits, RunControl control) {
        this.driver = driver;
        this.clock = clock;
        this.layout = layout;
        this.progress = progress;
        this.limits = limits;
        this.control = control;
    }

    /**
     * Runs the step.
     *
     * @throws TargetDiedException when the target exited during the step; the step's files are still written
     */
    StepResult run(StepContext ctx) throws TargetDiedException, InterruptedException, IOException {
        StepSpec step = ctx.step();
        List<WorkerRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < driver.workerCount(); i++) {
            recorders.add(new WorkerRecorder());
        }
        String hlog = ResultLayout.hlogRelative(ctx.workload(), ctx.variant(), ctx.trial(), ctx.stepId());
        HttpTarget target = new HttpTarget(ctx.target().address(), ctx.request(), ctx.expectedBodyBytes(),
                step.timeout());
        RunningStep running;
        StepRecording recording = new StepRecording(layout.resolve(hlog), recorders, System.currentTimeMillis(),
                ctx.workload() + " " + ctx.variant() + " trial " + ctx.trial() + " step " + ctx.stepId());
        try {
            try {
                running = driver.start(target, step, recorders);
            } catch (LoadException e) {
                failIfDead(ctx);
                return failed(ctx, hlog, e.getMessage());
            }
            Sampling s = sample(ctx, running, recording);
            recording.finish();
            if (s.died) {
                StepResult partial = result(ctx, hlog, running.timeline(), recording, s, StepResult.FAILED,
                        "target exited during the step");
                throw died(ctx, "during step " + ctx.stepId(), partial);
            }
            String error = control.interrupted() ? "interrupted" : null;
            return result(ctx, hlog, running.timeline(), recording, s, error == null ? StepResult.OK
                    : StepResult.FAILED, error);
        } finally {
            recording.close();
        }
    }

    /** What the sampling loop saw. */
    private static final class Sampling {
        long measureStartCpuNs = -1;
        long measureEndCpuNs = -1;
        long generatorCpuStartNs = -1;
        long generatorCpuEndNs = -1;
        long peakRssBytes = -1;
        boolean died;
    }

    private Sampling sample(StepContext ctx, RunningStep running, StepRecording recording)
            throws InterruptedException {
        LoadTimeline t = running.timeline();
        long epochAtStartMs = System.currentTimeMillis() + (t.startNs() - clock.nanoTime()) / 1_000_000;
        Sampling s = new Sampling();
        long intervalStartNs = t.startNs();
        double plannedSec = (t.endNs() - t.startNs()) / 1e9;
        progress.stepStarted(ctx.label() + " " + ctx.stepId());
        boolean done = false;
        while (!done) {
            long nextWakeNs = intervalStartNs + INTERVAL_NS;
            if (s.measureStartCpuNs < 0 && t.measureStartNs() > clock.nanoTime()) {
                nextWakeNs = Math.min(nextWakeNs, t.measureStartNs());
            } else if (s.measureEndCpuNs < 0 && t.endNs() > clock.nanoTime()) {
                nextWakeNs = Math.min(nextWakeNs, t.endNs());
            }
            done = awaitCompletion(running, nextWakeNs);
            long now = clock.nanoTime();
            if (s.measureStartCpuNs < 0 && now >= t.measureStartNs()) {
                s.measureStartCpuNs = targetCpu(ctx);
                s.generatorCpuStartNs = os.getProcessCpuTime();
            }
            if (s.measureEndCpuNs < 0 && now >= t.endNs()) {
                s.measureEndCpuNs = targetCpu(ctx);
                s.generatorCpuEndNs = os.getProcessCpuTime();
            }
            if (now >= intervalStartNs + INTERVAL_NS || done) {
                recording.sample(epochAtStartMs + (intervalStartNs - t.startNs()) / 1_000_000,
                        epochAtStartMs + (now - t.startNs()) / 1_000_000, now > t.measureStartNs());
                intervalStartNs = now;
                s.peakRssBytes = Math.max(s.peakRssBytes, ctx.target().sampleResources().rssBytes());
                progress.tick(ctx.label() + " " + ctx.stepId(), (now - t.startNs()) / 1e9, plannedSec,
                        liveFigures(recording, t, now));
            }
            if (!done && (control.interrupted() || !ctx.target().isAlive())) {
                s.died = !ctx.target().isAlive() && !control.interrupted();
                running.stop();
            }
        }
        if (s.measureEndCpuNs < 0) {
            s.measureEndCpuNs = targetCpu(ctx);
            s.generatorCpuEndNs = os.getProcessCpuTime();
        }
        s.died |= !ctx.target().isAlive() && !control.interrupted();
        return s;
    }

    private static boolean awaitCompletion(RunningStep running, long untilNs) throws InterruptedException {
        long waitNs = untilNs - System.nanoTime();
        try {
            running.completion().get(Math.max(1, waitNs), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        }
    }

    private static long targetCpu(StepContext ctx) {
        return ctx.target().sampleResources().cpuNanos();
    }

    private static String liveFigures(StepRecording recording, LoadTimeline t, long now) {
        Phase phase = now < t.measureStartNs() ? Phase.WARMUP : Phase.MEASURE;
        long ok = recording.count(phase, Outcome.OK);
        long all = 0;
        for (Outcome o : Outcome.values()) {
            all += recording.count(phase, o);
        }
        Histogram h = recording.liveCorrected(phase);
        return String.format(Locale.ROOT, "%s %d ok, %d errors, p99 %s", phase.tag(), ok, all - ok,
                h.getTotalCount() == 0 ? "-" : Format.latencyMs(h.getValueAtPercentile(99) / 1e6));
    }

    private StepResult result(StepContext ctx, String hlog, LoadTimeline t, StepRecording recording, Sampling s,
                              String status, String error) {
        OutcomeCounts counts = new OutcomeCounts(recording.count(Phase.MEASURE, Outcome.OK),
                recording.count(Phase.MEASURE, Outcome.NON_2XX), recording.count(Phase.MEASURE, Outcome.TIMEOUT),
                recording.count(Phase.MEASURE, Outcome.RESET), recording.count(Phase.MEASURE, Outcome.BAD_RESPONSE),
                recording.connectErrors());
        double measureSec = t.measureNs() / 1e9;
        long responses = counts.ok() + counts.non2xx() + counts.badResponse();
        StepSpec step = ctx.step();
        return new StepResult(ctx.variant(), ctx.trial(), ctx.stepId(),
                step instanceof StepSpec.OpenLoop ? "open" : "closed", step.request(), step.connections(),
                step instanceof StepSpec.OpenLoop o ? o.ratePerSec() : null, round(responses / measureSec, 1),
                measureSec, counts,
                LatencySummary.of(recording.total(Phase.MEASURE, LatencyView.CORRECTED)),
                LatencySummary.of(recording.total(Phase.MEASURE, LatencyView.UNCORRECTED)),
                LatencySummary.of(recording.total(Phase.MEASURE, LatencyView.SEND_LAG)),
                health(step, recording, s, measureSec), resources(ctx, s, responses), hlog, status, error);
    }

    private GeneratorHealth health(StepSpec step, StepRecording recording, Sampling s, double measureSec) {
        Histogram lag = recording.total(Phase.MEASURE, LatencyView.GENERATOR_LAG);
        double lagP99Us = lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99) / 1e3;
        double lagMaxUs = lag.getTotalCount() == 0 ? 0 : lag.getMaxValue() / 1e3;
        double cpuShare = s.generatorCpuStartNs < 0 ? 0
                : (s.generatorCpuEndNs - s.generatorCpuStartNs) / 1e9 / measureSec / limits.cores();
        String reason = null;
        if (step instanceof StepSpec.OpenLoop && lagP99Us > limits.maxLagP99().toNanos() / 1e3) {
            reason = String.format(Locale.ROOT, "generator lag p99 %s > %s: the generator, not the target, fell "
                    + "behind its schedule", Format.latencyMs(lagP99Us / 1e3),
                    Format.latencyMs(limits.maxLagP99().toNanos() / 1e6));
        } else if (step instanceof StepSpec.ClosedLoop && cpuShare > limits.maxCpuShare()) {
            // open loop is judged by its lag alone: its CPU includes the polling before each send on purpose
            reason = String.format(Locale.ROOT, "generator CPU at %.0f%% of its %d core(s) (limit %.0f%%): it may "
                    + "have limited the load", cpuShare * 100, limits.cores(), limits.maxCpuShare() * 100);
        }
        return new GeneratorHealth(round(cpuShare, 3), round(lagP99Us, 1), round(lagMaxUs, 1), reason == null,
                reason);
    }

    private static TargetResources resources(StepContext ctx, Sampling s, long responses) {
        // -1 readings mean the runtime could not read the figures; an end reading below the start one means the
        // target exited before it (a vanished process reads as 0): its CPU for the step is then unknown
        if (s.measureStartCpuNs < 0 || s.measureEndCpuNs < s.measureStartCpuNs || s.peakRssBytes < 0) {
            return null;
        }
        double cpuSec = (s.measureEndCpuNs - s.measureStartCpuNs) / 1e9;
        return new TargetResources(round(cpuSec, 4), responses == 0 ? null : cpuSec / responses, s.peakRssBytes,
                ctx.target().resourceSource());
    }

    private static StepResult failed(StepContext ctx, String hlog, String error) {
        StepSpec step = ctx.step();
        LatencySummary none = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        return new StepResult(ctx.variant(), ctx.trial(), ctx.stepId(),
                step instanceof StepSpec.OpenLoop ? "open" : "closed", step.request(), step.connections(),
                step instanceof StepSpec.OpenLoop o ? o.ratePerSec() : null, 0, step.duration().toNanos() / 1e9,
                new OutcomeCounts(0, 0, 0, 0, 0, 0), none, none, none, null, null, hlog, StepResult.FAILED, error);
    }

    private static void failIfDead(StepContext ctx) throws TargetDiedException {
        if (!ctx.target().isAlive()) {
            throw died(ctx, "before step " + ctx.stepId(), null);
        }
    }

    private static TargetDiedException died(StepContext ctx, String when, StepResult partial) {
        var exit = ctx.target().exitCode();
        return new TargetDiedException(ctx.variant() + " exited with code "
                + (exit.isPresent() ? String.valueOf(exit.getAsInt()) : "?") + " " + when,
                exit.isPresent() ? exit.getAsInt() : null, ctx.target().logTail(20), partial);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
