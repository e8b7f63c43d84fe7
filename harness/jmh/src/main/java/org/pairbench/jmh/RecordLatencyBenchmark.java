package org.pairbench.jmh;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pairbench.core.record.Histograms;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;

/**
 * Recording a latency: what the event loop pays on its hot path for every request. Per request the generator
 * records four values into its {@link WorkerRecorder}: the generator lag when the request falls due
 * ({@code recordGeneratorLag}), the send lag when it goes out ({@code recordSendLag}), and, once per response,
 * {@code recordCompletion}, which records two values (the corrected and the uncorrected latency) and counts the
 * outcome. Every nanosecond here is taken from the loop that also has to send on time.
 *
 * <h2>How to read the scores</h2>
 * Average time per call, in ns. The target "recording a value costs under 30 ns" is judged per value:
 * <ul>
 *   <li>{@code recordSendLag}: one value through {@link WorkerRecorder} (phase and view lookup, clamp,
 *       {@link SingleWriterRecorder#recordValue}); its score is the per-value cost;</li>
 *   <li>{@code recordCompletion}: two values and a counter; <b>half its score</b> is the per-value cost, the whole
 *       score is what one response costs;</li>
 *   <li>{@code oneRequest}: everything recorded for one request (generator lag, send lag, completion: four values
 *       and a counter), the recording budget of one request;</li>
 *   <li>{@code rawRecorder} and {@code rawHistogram}, for reference: HdrHistogram's
 *       {@link SingleWriterRecorder#recordValue} alone (a plain record inside the two atomic increments of its
 *       writer-reader phaser) and a plain {@link Histogram#recordValue} without any phaser. The difference between
 *       {@code recordSendLag} and {@code rawRecorder} is what {@link WorkerRecorder} adds; between
 *       {@code rawRecorder} and {@code rawHistogram}, what the lock-free interval swap costs the writer.</li>
 * </ul>
 * Values are drawn from a fixed, log-normal-like set (median about 300 µs, tail to tens of ms) so that they land in
 * many different buckets, as real latencies do; they cycle through a 1024-entry table, so nothing is constant to
 * fold. The loop here keeps the histograms' counts in cache; on the generator, where sockets and Netty run
 * between two records, a record can also pay a cache miss or two.
 */
@State(Scope.Thread)
public class RecordLatencyBenchmark extends HarnessBenchmark {
    private static final int VALUES = 1024; // a power of two, see next()

    private long[] intendedNs;
    private long[] sendNs;
    private long[] doneNs;
    private long[] lagNs;
    private int cursor;
    /** Fields, not constants, so the JIT cannot specialise the lookups for one phase or outcome. */
    private Phase phase = Phase.MEASURE;
    private Outcome outcome = Outcome.OK;

    private WorkerRecorder recorder;
    private SingleWriterRecorder rawRecorder;
    private Histogram rawHistogram;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        intendedNs = new long[VALUES];
        sendNs = new long[VALUES];
        doneNs = new long[VALUES];
        lagNs = new long[VALUES];
        long t = 1_000_000_000L;
        for (int i = 0; i < VALUES; i++) {
            t += 333_333; // 3000 requests/s
            intendedNs[i] = t;
            lagNs[i] = logNormal(random, 5_000, 1.0); // send lag, median 5 µs
            sendNs[i] = t + lagNs[i];
            doneNs[i] = sendNs[i] + logNormal(random, 300_000, 1.0); // latency, median 300 µs
        }
        recorder = new WorkerRecorder();
        rawRecorder = Histograms.newRecorder();
        rawHistogram = Histograms.newHistogram();
    }

    /** A value around {@code medianNs}, spread by {@code sigma} in natural-log units, at least 1 µs. */
    static long logNormal(SplittableRandom random, double medianNs, double sigma) {
        // Box-Muller: one standard normal from two uniforms
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return Math.max(1_000, (long) (medianNs * Math.exp(sigma * normal)));
    }

    private int next() {
        int i = cursor;
        cursor = (i + 1) & (VALUES - 1);
        return i;
    }

    @Benchmark
    public void recordCompletion() {
        int i = next();
        recorder.recordCompletion(phase, intendedNs[i], sendNs[i], doneNs[i], outcome);
    }

    @Benchmark
    public void recordSendLag() {
        recorder.recordSendLag(phase, lagNs[next()]);
    }

    @Benchmark
    public void oneRequest() {
        int i = next();
        recorder.recordGeneratorLag(phase, lagNs[i]);
        recorder.recordSendLag(phase, lagNs[i]);
        recorder.recordCompletion(phase, intendedNs[i], sendNs[i], doneNs[i], outcome);
    }

    @Benchmark
    public void rawRecorder() {
        int i = next();
        rawRecorder.recordValue(doneNs[i] - intendedNs[i]);
    }

    @Benchmark
    public void rawHistogram() {
        int i = next();
        rawHistogram.recordValue(doneNs[i] - intendedNs[i]);
    }
}
