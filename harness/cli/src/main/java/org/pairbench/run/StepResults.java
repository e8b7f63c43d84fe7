package org.pairbench.run;

import org.HdrHistogram.Histogram;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.record.WorkerRecorder.WindowCount;
import org.pairbench.core.result.GeneratorCheck;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.TargetResources;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.generator.GeneratorLimits;

/**
 * Turns what a step recorded into the records of summary.json: counts by outcome, latency summaries, the
 * generator's health judged against its limits, and the target's resource cost. Stateless.
 */
final class StepResults {
    private StepResults() {
    }

    static OutcomeCounts counts(StepRecording r) {
        return new OutcomeCounts(r.count(Phase.MEASURE, Outcome.OK), r.count(Phase.MEASURE, Outcome.NON_2XX),
                r.count(Phase.MEASURE, Outcome.TIMEOUT), r.count(Phase.MEASURE, Outcome.RESET),
                r.count(Phase.MEASURE, Outcome.BAD_RESPONSE), r.connectErrors());
    }

    static LatencySummary latency(StepRecording r, LatencyView view) {
        return LatencySummary.of(r.total(Phase.MEASURE, view));
    }

    /** The main figures of a step whose load ran (completely or not). */
    static StepResult of(StepContext ctx, LoadStream main, StepSampler.Sampling s, GeneratorLimits limits,
                         String status, String error, StepResult.ProbeResult probe,
                         StepResult.IdleConnections idle, StepResult.UpstreamCounts upstream,
                         StepResult.DatabaseCounts database) {
        StepRecording r = main.recording;
        OutcomeCounts counts = counts(r);
        double measureSec = main.running.timeline().measureNs() / 1e9;
        StepResult.Window window = window(r);
        StepSpec step = ctx.step();
        LatencySummary corrected = latency(r, LatencyView.CORRECTED);
        return new StepResult(ctx.variant(), ctx.trial(), ctx.stepId(), mode(step), step.request(),
                step.connections(), step instanceof StepSpec.OpenLoop o ? o.ratePerSec() : null,
                round(window.completed() / measureSec, 1), measureSec, counts, corrected,
                latency(r, LatencyView.UNCORRECTED), latency(r, LatencyView.SEND_LAG),
                health(step, r, s, measureSec, limits, corrected), resources(ctx, s, window.completed()), main.hlog,
                status, error, probe, idle, upstream, database, null, window, s.interference);
    }

    static StepResult.Window window(StepRecording r) {
        return new StepResult.Window(r.windowCount(WindowCount.COMPLETED_IN_WINDOW),
                r.windowCount(WindowCount.IN_FLIGHT_AT_CLOSE), r.windowCount(WindowCount.UNSENT_AT_CLOSE));
    }

    /** A step whose load could not start at all. */
    static StepResult failed(StepContext ctx, String hlog, String error) {
        StepSpec step = ctx.step();
        LatencySummary none = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        return new StepResult(ctx.variant(), ctx.trial(), ctx.stepId(), mode(step), step.request(),
                step.connections(), step instanceof StepSpec.OpenLoop o ? o.ratePerSec() : null, 0,
                step.duration().toNanos() / 1e9, new OutcomeCounts(0, 0, 0, 0, 0, 0), none, none, none, null, null,
                hlog, StepResult.FAILED, error);
    }

    static StepResult.ProbeResult probe(LoadStream probe) {
        StepSpec.OpenLoop p = (StepSpec.OpenLoop) probe.step;
        return new StepResult.ProbeResult(p.request(), p.ratePerSec(), counts(probe.recording),
                latency(probe.recording, LatencyView.CORRECTED), latency(probe.recording, LatencyView.UNCORRECTED),
                probe.hlog);
    }

    private static String mode(StepSpec step) {
        return step instanceof StepSpec.OpenLoop ? "open" : "closed";
    }

    private static GeneratorHealth health(StepSpec step, StepRecording recording, StepSampler.Sampling s,
                                          double measureSec, GeneratorLimits limits, LatencySummary corrected) {
        Histogram lag = recording.total(Phase.MEASURE, LatencyView.GENERATOR_LAG);
        double perCore = measureSec * limits.cores();
        double cpuShare = s.generatorCpuStartNs < 0 ? 0
                : (s.generatorCpuEndNs - s.generatorCpuStartNs) / 1e9 / perCore;
        double pollShare = s.pollStartNs < 0 ? 0 : (s.pollEndNs - s.pollStartNs) / 1e9 / perCore;
        return GeneratorCheck.judge(new GeneratorCheck.Measured(step instanceof StepSpec.OpenLoop, cpuShare,
                pollShare, lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99) / 1e3,
                lag.getTotalCount() == 0 ? 0 : lag.getMaxValue() / 1e3, corrected.p99Us(), limits.platformP99Us()),
                limits.check());
    }

    private static TargetResources resources(StepContext ctx, StepSampler.Sampling s, long responses) {
        // -1 readings mean the runtime could not read the figures; an end reading below the start one means the
        // target exited before it (a vanished process reads as 0): its CPU for the step is then unknown
        if (s.measureStartCpuNs < 0 || s.measureEndCpuNs < s.measureStartCpuNs || s.peakRssBytes < 0) {
            return null;
        }
        double cpuSec = (s.measureEndCpuNs - s.measureStartCpuNs) / 1e9;
        long baseline = ctx.baselineRssBytes();
        int connections = ctx.step().connections() + ctx.step().idleConnections()
                + (ctx.step().probe() != null ? 1 : 0);
        Double perConnection = baseline > 0 ? round((double) Math.max(0, s.peakRssBytes - baseline) / connections, 1)
                : null;
        return TargetResources.measured(round(cpuSec, 4), responses, s.peakRssBytes, ctx.target().resourceSource(),
                baseline > 0 ? baseline : null, perConnection);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
