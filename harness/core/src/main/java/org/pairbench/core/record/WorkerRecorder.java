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
