package org.pairbench.core.schedule;

import org.pairbench.core.record.Phase;
import org.pairbench.core.spec.StepSpec;

/**
 * The timing of one running step, built once by the driver when every connection is open and handed to each of
 * its workers and to the sampler: the phase edges on the generator's {@link NanoClock} (warm-up from
 * {@link #startNs()}, measured window from {@link #measureStartNs()} to {@link #endNs()}), the single wall-clock
 * anchor of the step ({@link #startEpochMs()}, the base time of its {@code .hlog}) and, for an open-loop step, its
 * {@link OpenLoopSchedule}. See the package documentation for how the pieces fit. Immutable; shared between
 * threads.
 */
public final class StepTimeline {
    private final long startNs;
    private final long measureStartNs;
    private final long endNs;
    private final long startEpochMs;
    private final OpenLoopSchedule schedule;

    private StepTimeline(long startNs, long warmupNs, long measureNs, long startEpochMs, OpenLoopSchedule schedule) {
        if (warmupNs < 0 || measureNs < 0) {
            // 0 is allowed: a trial whose warm-up is switched off runs an empty warm-up step
            throw new IllegalArgumentException("warm-up and measured time must not be negative");
        }
        this.startNs = startNs;
        this.measureStartNs = startNs + warmupNs;
        this.endNs = measureStartNs + measureNs;
        this.startEpochMs = startEpochMs;
        this.schedule = schedule;
    }

    /**
     * The timeline of {@code step} starting at {@code startNs}.
     *
     * @param startEpochMs wall-clock time at {@code startNs}: the step's only wall-clock anchor
     */
    public static StepTimeline of(StepSpec step, long startNs, long startEpochMs) {
        long warmupNs = step.warmup().toNanos();
        long measureNs = step.duration().toNanos();
        OpenLoopSchedule schedule = step instanceof StepSpec.OpenLoop open
                ? new OpenLoopSchedule(startNs, warmupNs, measureNs, open.ratePerSec()) : null;
        return new StepTimeline(startNs, warmupNs, measureNs, startEpochMs, schedule);
    }

    /** A closed-loop timeline (no schedule), for tests and tools. */
    public static StepTimeline closedLoop(long startNs, long warmupNs, long measureNs, long startEpochMs) {
        return new StepTimeline(startNs, warmupNs, measureNs, startEpochMs, null);
    }

    /**
     * Phase of a request by its intended time (in closed loop, its send time). Open-loop workers ask their
     * schedule by index instead ({@link OpenLoopSchedule#isWarmup}), which agrees with this.
     */
    public Phase phaseOf(long ns) {
        return ns < measureStartNs ? Phase.WARMUP : Phase.MEASURE;
    }

    /** Whether {@code ns} lies in the measured window {@code [measureStartNs, endNs)}. */
    public boolean inMeasuredWindow(long ns) {
        return ns >= measureStartNs && ns < endNs;
    }

    /** Wall-clock milliseconds at generator time {@code ns}, from the step's one anchor. */
    public long epochMsAt(long ns) {
        return startEpochMs + Math.floorDiv(ns - startNs, 1_000_000L);
    }

    /** The open-loop schedule; throws for a closed-loop step, which has none. */
    public OpenLoopSchedule schedule() {
        if (schedule == null) {
            throw new IllegalStateException("a closed-loop step has no schedule");
        }
        return schedule;
    }

    public boolean isOpenLoop() {
        return schedule != null;
    }

    public long startNs() {
        return startNs;
    }

    public long measureStartNs() {
        return measureStartNs;
    }

    public long endNs() {
        return endNs;
    }

    public long measureNs() {
        return endNs - measureStartNs;
    }

    public long startEpochMs() {
        return startEpochMs;
    }
}
