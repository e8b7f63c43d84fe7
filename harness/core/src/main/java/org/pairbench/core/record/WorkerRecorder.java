package org.pairbench.core.record;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Everything one load worker records during one step: a latency histogram per phase and view, and counts per
 * phase and outcome.
 *
 * <p>Threading: the {@code record*} methods are called only by the worker's own event-loop thread (single
 * writer, no locks on the hot path). {@link #intervalHistogram} and the {@code count*} readers may be called from
 * any thread at any time; interval histograms are swapped out with HdrHistogram's {@link SingleWriterRecorder},
 * and counters are published with release stores.
 */
public final class WorkerRecorder {
    private final Map<Phase, Map<LatencyView, SingleWriterRecorder>> recorders = new EnumMap<>(Phase.class);
    private final Map<Phase, Map<LatencyView, Histogram>> recycled = new EnumMap<>(Phase.class);
    /** Index: phase.ordinal() * outcomes + outcome.ordinal(). */
    private final AtomicLongArray outcomeCounts = new AtomicLongArray(Phase.values().length * Outcome.values().length);
    private final AtomicLongArray connectErrors = new AtomicLongArray(1);
    /** Index: {@link WindowCount#ordinal()}. */
    private final AtomicLongArray windowCounts = new AtomicLongArray(WindowCount.values().length);
    private final AtomicLongArray pollNs = new AtomicLongArray(1);

    /**
     * How the requests of a step stand against its measured window (see the timing model in
     * {@code org.pairbench.core.schedule}).
     */
    public enum WindowCount {
        /** Answered (any status) inside the window, whatever their phase: throughput counts these. */
        COMPLETED_IN_WINDOW,
        /** Sent before the window closed, answered (or timed out, or reset) after it. */
        IN_FLIGHT_AT_CLOSE,
        /** Intended before the window closed, sent (or given up) after it. */
        UNSENT_AT_CLOSE
    }

    public WorkerRecorder() {
        for (Phase phase : Phase.values()) {
            Map<LatencyView, SingleWriterRecorder> byView = new EnumMap<>(LatencyView.class);
            for (LatencyView view : LatencyView.values()) {
                byView.put(view, Histograms.newRecorder());
            }
            recorders.put(phase, byView);
            recycled.put(phase, new EnumMap<>(LatencyView.class));
        }
    }

    /** A request got its outcome: records both latency views and counts it. */
    public void recordCompletion(Phase phase, long intendedNs, long sendNs, long doneNs, Outcome outcome) {
        Map<LatencyView, SingleWriterRecorder> r = recorders.get(phase);
        r.get(LatencyView.CORRECTED).recordValue(Histograms.clamp(doneNs - intendedNs));
        r.get(LatencyView.UNCORRECTED).recordValue(Histograms.clamp(doneNs - sendNs));
        increment(phase, outcome);
    }

    /**
     * A request timed out before it could be sent (every connection stayed busy): it has a corrected latency
     * but no uncorrected one, since it was never on the wire. Counted as {@link Outcome#TIMEOUT}.
     */
    public void recordUnsent(Phase phase, long intendedNs, long givenUpNs) {
        recorders.get(phase).get(LatencyView.CORRECTED).recordValue(Histograms.clamp(givenUpNs - intendedNs));
        increment(phase, Outcome.TIMEOUT);
    }

    public void recordSendLag(Phase phase, long lagNs) {
        recorders.get(phase).get(LatencyView.SEND_LAG).recordValue(Histograms.clamp(lagNs));
    }

    public void recordGeneratorLag(Phase phase, long lagNs) {
        recorders.get(phase).get(LatencyView.GENERATOR_LAG).recordValue(Histograms.clamp(lagNs));
    }

    public void recordConnectError() {
        connectErrors.setRelease(0, connectErrors.getPlain(0) + 1);
    }

    public void countWindow(WindowCount kind) {
        int i = kind.ordinal();
        windowCounts.setRelease(i, windowCounts.getPlain(i) + 1);
    }

    /**
     * Time the worker's loop spent polling for an intended send time that had not come yet (a busy wait, not
     * work): subtracted from the generator's CPU to tell a polling generator from a saturated one.
     */
    public void addPollNs(long ns) {
        pollNs.setRelease(0, pollNs.getPlain(0) + ns);
    }

    public long windowCount(WindowCount kind) {
        return windowCounts.getAcquire(kind.ordinal());
    }

    public long pollNs() {
        return pollNs.getAcquire(0);
    }

    private void increment(Phase phase, Outcome outcome) {
        int i = phase.ordinal() * Outcome.values().length + outcome.ordinal();
        outcomeCounts.setRelease(i, outcomeCounts.getPlain(i) + 1);
    }

    public long count(Phase phase, Outcome outcome) {
        return outcomeCounts.getAcquire(phase.ordinal() * Outcome.values().length + outcome.ordinal());
    }

    public long countConnectErrors() {
        return connectErrors.getAcquire(0);
    }

    /**
     * Takes the values recorded since the last call for one phase and view. The returned histogram is reused by
     * the next call for the same phase and view; copy or add it before then. Called by the sampling thread.
     */
    public Histogram intervalHistogram(Phase phase, LatencyView view) {
        Histogram h = recorders.get(phase).get(view).getIntervalHistogram(recycled.get(phase).get(view));
        recycled.get(phase).put(view, h);
        return h;
    }
}
