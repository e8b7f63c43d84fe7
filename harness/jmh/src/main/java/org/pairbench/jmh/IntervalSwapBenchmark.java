package org.pairbench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.record.WorkerRecorder;

/**
 * Swapping interval histograms: what the sampler costs once a second. The sampling thread runs on the
 * generator's core, so whatever it takes is taken from the event loops sending on schedule; it must stay a small
 * fraction of a second's CPU.
 *
 * <ul>
 *   <li>{@code swapOne}: {@link WorkerRecorder#intervalHistogram} for one phase and view: HdrHistogram's
 *       {@code SingleWriterRecorder.getIntervalHistogram} with a recycled histogram (which resets it, then flips
 *       the writer-reader phaser);</li>
 *   <li>{@code sampleStep}: {@link StepRecording#sample}, the sampler's whole second: for every worker, every
 *       phase (2) and every view (4), swap, add corrected values to the live totals, and pack the histogram
 *       uncompressed. Compression and writing the {@code .hlog} come at the end of the step and are not
 *       measured.</li>
 * </ul>
 *
 * Before each call, {@code valuesPerSecond} requests are recorded (four values each, as the generator does),
 * spread over the workers, so each swap finds a realistic interval's histogram. {@code workers} is the number of
 * generator event loops ({@code --generator-threads}, 1 by default). Each {@link StepRecording} takes 60 samples
 * (a one-minute step) before it is closed and replaced, outside the measurement. Scores are µs per call.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntervalSwapBenchmark extends HarnessBenchmark {
    private static final int SAMPLES_PER_RECORDING = 60;
    private static final int VALUES = 4096;

    /** Generator event loops, one recorder each. */
    @Param({"1", "4"})
    public int workers;

    /** Requests recorded between two swaps, over all workers: an idle second, and the quick suite's top rate. */
    @Param({"0", "3000"})
    public int valuesPerSecond;

    private final List<WorkerRecorder> recorders = new ArrayList<>();
    private long[] latencyNs;
    private long[] lagNs;
    private int cursor;
    private Path dir;
    private StepRecording recording;
    private int samplesTaken;
    private long epochMs = 1_700_000_000_000L;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        for (int i = 0; i < workers; i++) {
            recorders.add(new WorkerRecorder());
        }
        SplittableRandom random = new SplittableRandom(7);
        latencyNs = new long[VALUES];
        lagNs = new long[VALUES];
        for (int i = 0; i < VALUES; i++) {
            latencyNs[i] = RecordLatencyBenchmark.logNormal(random, 300_000, 1.0);
            lagNs[i] = RecordLatencyBenchmark.logNormal(random, 5_000, 1.0);
        }
        dir = Files.createTempDirectory("pairbench-jmh");
        newRecording();
    }

    private void newRecording() throws IOException {
        if (recording != null) {
            recording.close(); // merges, compresses and writes what was sampled: not measured
        }
        recording = new StepRecording(dir.resolve("step.hlog"), recorders, epochMs, "pairbench-jmh");
        samplesTaken = 0;
    }

    /** One second's worth of recording, and a fresh step recording every minute: outside the measurement. */
    @Setup(Level.Invocation)
    public void recordOneSecond() throws IOException {
        if (samplesTaken >= SAMPLES_PER_RECORDING) {
            newRecording();
        }
        for (int n = 0; n < valuesPerSecond; n++) {
            WorkerRecorder r = recorders.get(n % workers);
            int i = cursor;
            cursor = (i + 1) & (VALUES - 1);
            long intended = epochMs * 1_000_000 + n;
            r.recordGeneratorLag(Phase.MEASURE, lagNs[i]);
            r.recordSendLag(Phase.MEASURE, lagNs[i]);
            r.recordCompletion(Phase.MEASURE, intended, intended + lagNs[i], intended + latencyNs[i], Outcome.OK);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        recording.close();
        Files.deleteIfExists(dir.resolve("step.hlog"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public Histogram swapOne() {
        return recorders.get(0).intervalHistogram(Phase.MEASURE, LatencyView.CORRECTED);
    }

    @Benchmark
    public StepRecording sampleStep() {
        long from = epochMs;
        epochMs = from + 1000;
        recording.sample(from, epochMs, true);
        samplesTaken++;
        return recording;
    }
}
