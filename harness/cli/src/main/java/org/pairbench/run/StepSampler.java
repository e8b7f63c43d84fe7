package org.pairbench.run;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.pairbench.console.Format;
import org.pairbench.console.ProgressReporter;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.StepTimeline;

/**
 * The runner's side of a running step: once a second it takes every stream's interval histograms, samples the
 * target's memory and prints progress; at the edges of the measured period it reads the target's and the
 * generator's CPU time; and it stops the load early if the target dies or the run is interrupted.
 *
 * <p>Threading: runs on the runner's thread while the workers run on the generator's event loops.
 */
public final class StepSampler {
    private static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final NanoClock clock;
    private final ProgressReporter progress;
    private final RunControl control;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public StepSampler(NanoClock clock, ProgressReporter progress, RunControl control) {
        this.clock = clock;
        this.progress = progress;
        this.control = control;
    }

    /** What the sampling loop saw. -1 where nothing could be read. */
    public static final class Sampling {
        long measureStartCpuNs = -1;
        long measureEndCpuNs = -1;
        long generatorCpuStartNs = -1;
        long generatorCpuEndNs = -1;
        /** Polling time of every stream's workers at the window's edges (see {@code WorkerRecorder#addPollNs}). */
        long pollStartNs = -1;
        long pollEndNs = -1;
        long peakRssBytes = -1;
        boolean died;
    }

    /** Samples until every stream has completed. The first stream's timeline drives the phase edges. */
    public Sampling run(StepContext ctx, List<LoadStream> streams) throws InterruptedException {
        LoadStream main = streams.get(0);
        StepTimeline t = main.running.timeline();
        CompletableFuture<?> all = CompletableFuture.allOf(streams.stream().map(s -> s.running.completion())
                .toArray(CompletableFuture[]::new));
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
            done = await(all, nextWakeNs);
            long now = clock.nanoTime();
            if (s.measureStartCpuNs < 0 && now >= t.measureStartNs()) {
                s.measureStartCpuNs = ctx.target().sampleResources().cpuNanos();
                s.generatorCpuStartNs = os.getProcessCpuTime();
                s.pollStartNs = pollNs(streams);
            }
            if (s.measureEndCpuNs < 0 && now >= t.endNs()) {
                s.measureEndCpuNs = ctx.target().sampleResources().cpuNanos();
                s.generatorCpuEndNs = os.getProcessCpuTime();
                s.pollEndNs = pollNs(streams);
            }
            if (now >= intervalStartNs + INTERVAL_NS || done) {
                long fromMs = t.epochMsAt(intervalStartNs);
                long toMs = t.epochMsAt(now);
                for (LoadStream stream : streams) {
                    stream.recording.sample(fromMs, toMs, now > t.measureStartNs());
                }
                intervalStartNs = now;
                s.peakRssBytes = Math.max(s.peakRssBytes, ctx.target().sampleResources().rssBytes());
                progress.tick(ctx.label() + " " + ctx.stepId(), (now - t.startNs()) / 1e9, plannedSec,
                        liveFigures(main.recording, t, now));
            }
            if (!done && (control.interrupted() || !ctx.target().isAlive())) {
                s.died = !ctx.target().isAlive() && !control.interrupted();
                streams.forEach(stream -> stream.running.stop());
            }
        }
        if (s.measureEndCpuNs < 0) {
            s.measureEndCpuNs = ctx.target().sampleResources().cpuNanos();
            s.generatorCpuEndNs = os.getProcessCpuTime();
            s.pollEndNs = pollNs(streams);
        }
        s.died |= !ctx.target().isAlive() && !control.interrupted();
        return s;
    }

    private static long pollNs(List<LoadStream> streams) {
        long sum = 0;
        for (LoadStream stream : streams) {
            sum += stream.recording.pollNs();
        }
        return sum;
    }

    private boolean await(CompletableFuture<?> all, long untilNs) throws InterruptedException {
        long waitNs = untilNs - clock.nanoTime();
        try {
            all.get(Math.max(1, waitNs), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        }
    }

    private static String liveFigures(StepRecording recording, StepTimeline t, long now) {
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
}
