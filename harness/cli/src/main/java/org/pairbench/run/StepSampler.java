package org.pairbench.run;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.pairbench.console.Format;
import org.pairbench.console.ProgressReporter;
import org.pairbench.core.interference.CpuJiffies;
import org.pairbench.core.interference.InterferenceArithmetic;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.result.Interference;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.StepTimeline;
import org.pairbench.targets.local.ProcStat;

/**
 * The runner's side of a running step: once a second it takes every stream's interval histograms, samples the
 * target's memory and prints progress; at the edges of the measured period it reads the target's (and its
 * database's) and the generator's CPU time and every CPU's counters in {@code /proc/stat}, from which it works out
 * what else ran on their CPUs ({@link InterferenceArithmetic}); and it stops the load early if the target dies or
 * the run is interrupted.
 *
 * <p>Threading: runs on the runner's thread while the workers run on the generator's event loops.
 */
public final class StepSampler {
    private static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final NanoClock clock;
    private final ProgressReporter progress;
    private final RunControl control;
    private final CpuSides cpus;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param cpus where the generator and the targets are pinned, for the interference figures
     */
    public StepSampler(NanoClock clock, ProgressReporter progress, RunControl control, CpuSides cpus) {
        this.clock = clock;
        this.progress = progress;
        this.control = control;
        this.cpus = cpus;
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
        /** Every CPU's counters, the database's CPU time and the clock at the window's edges. */
        Map<Integer, CpuJiffies> cpusStart = Map.of();
        Map<Integer, CpuJiffies> cpusEnd = Map.of();
        long databaseCpuStartNs = -1;
        long databaseCpuEndNs = -1;
        long windowStartNs = -1;
        long windowEndNs = -1;
        /** What else ran on the step's CPUs in the window, judged; null when it could not be read. */
        Interference interference;
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
                startEdge(ctx, streams, s);
            }
            if (s.measureEndCpuNs < 0 && now >= t.endNs()) {
                endEdge(ctx, streams, s);
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
            endEdge(ctx, streams, s);
        }
        s.died |= !ctx.target().isAlive() && !control.interrupted();
        s.interference = interference(s);
        return s;
    }

    // the edges read in the same order, back to back, so the skew between the figures is the same at both

    private void startEdge(StepContext ctx, List<LoadStream> streams, Sampling s) {
        s.windowStartNs = clock.nanoTime();
        s.cpusStart = CpuJiffies.readSystem();
        s.measureStartCpuNs = ctx.target().sampleResources().cpuNanos();
        s.databaseCpuStartNs = ctx.database() == null ? -1 : ctx.database().cpuNanos();
        s.generatorCpuStartNs = os.getProcessCpuTime();
        s.pollStartNs = pollNs(streams);
    }

    private void endEdge(StepContext ctx, List<LoadStream> streams, Sampling s) {
        s.windowEndNs = clock.nanoTime();
        s.cpusEnd = CpuJiffies.readSystem();
        s.measureEndCpuNs = ctx.target().sampleResources().cpuNanos();
        s.databaseCpuEndNs = ctx.database() == null ? -1 : ctx.database().cpuNanos();
        s.generatorCpuEndNs = os.getProcessCpuTime();
        s.pollEndNs = pollNs(streams);
    }

    /**
     * The interference figures of the window, or null when a reading is missing (no /proc/stat, the target's CPU
     * unreadable or gone). A database whose CPU cannot be read counts as other work on the target's CPUs.
     */
    private Interference interference(Sampling s) {
        if (s.windowStartNs < 0 || s.measureStartCpuNs < 0 || s.measureEndCpuNs < s.measureStartCpuNs
                || s.generatorCpuStartNs < 0) {
            return null;
        }
        long databaseNs = s.databaseCpuStartNs < 0 || s.databaseCpuEndNs < s.databaseCpuStartNs ? 0
                : s.databaseCpuEndNs - s.databaseCpuStartNs;
        return InterferenceArithmetic.measure(s.cpusStart, s.cpusEnd, cpus.generator(), cpus.target(),
                s.generatorCpuEndNs - s.generatorCpuStartNs, s.measureEndCpuNs - s.measureStartCpuNs + databaseNs,
                s.windowEndNs - s.windowStartNs, ProcStat.clockTicksPerSecond());
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
