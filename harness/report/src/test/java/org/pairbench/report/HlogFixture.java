package org.pairbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.record.WorkerRecorder;

/**
 * Writes a small {@code .hlog} the way the runner does (through {@link StepRecording}), one 1-second interval at a
 * time, with latencies chosen by the test.
 */
public final class HlogFixture implements AutoCloseable {
    public static final long START_EPOCH_MS = 1_700_000_000_000L;
    private static final long MS = 1_000_000L;

    private final WorkerRecorder worker = new WorkerRecorder();
    private final StepRecording recording;
    private int second;

    public HlogFixture(Path file) throws IOException {
        recording = new StepRecording(file, List.of(worker), START_EPOCH_MS, "fixture " + file.getFileName());
    }

    /** One warm-up second in which {@code count} requests took {@code correctedMs} (uncorrected the same). */
    public HlogFixture warmup(int count, double correctedMs) {
        record(Phase.WARMUP, count, correctedMs, correctedMs);
        return sample(false);
    }

    /** One measured second in which {@code count} requests took the given corrected and uncorrected times. */
    public HlogFixture measure(int count, double correctedMs, double uncorrectedMs) {
        record(Phase.MEASURE, count, correctedMs, uncorrectedMs);
        return sample(true);
    }

    /** Adds requests to the current second without closing it; end the second with {@link #measure} or so. */
    public HlogFixture alsoMeasure(int count, double correctedMs, double uncorrectedMs) {
        record(Phase.MEASURE, count, correctedMs, uncorrectedMs);
        return this;
    }

    /** A measured second with no response at all (a stall). */
    public HlogFixture emptyMeasure() {
        return sample(true);
    }

    private void record(Phase phase, int count, double correctedMs, double uncorrectedMs) {
        long intended = 1_000 * MS;
        long done = intended + (long) (correctedMs * MS);
        long send = done - (long) (uncorrectedMs * MS);
        for (int i = 0; i < count; i++) {
            worker.recordCompletion(phase, intended, send, done, Outcome.OK);
            worker.recordSendLag(phase, send - intended);
        }
    }

    private HlogFixture sample(boolean inMeasurement) {
        long from = START_EPOCH_MS + second * 1000L;
        recording.sample(from, from + 1000, inMeasurement);
        second++;
        return this;
    }

    @Override
    public void close() throws java.io.IOException {
        recording.close();
    }
}
