package org.pairbench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pairbench.core.schedule.OpenLoopSchedule;

/**
 * Computing fire times: {@link OpenLoopSchedule#intendedStartNs}, {@code start + floor(i * 1e9 / rate)}, the
 * intended send time of request {@code i}. An open-loop worker computes it two to three times per request on its
 * event loop (when the request falls due, when it is sent, and to set the timer for the next one), so it sits on
 * the hot path next to recording. It is computed from the index rather than by adding
 * intervals so the schedule cannot drift; this measures what that exactness costs (a double multiply and divide,
 * a floor and two conversions).
 *
 * <p>Indices advance by one per call within the first 2^20 requests, as a worker walks its share of the schedule;
 * the result is returned, so nothing is folded or dropped. {@code ratePerSec}: the quick suite's top rate and a
 * rate well beyond any single target. Score: ns per fire time.
 */
@State(Scope.Thread)
public class FireTimeBenchmark extends HarnessBenchmark {
    private static final long INDEX_MASK = (1 << 20) - 1;

    @Param({"3000", "100000"})
    public double ratePerSec;

    private OpenLoopSchedule schedule;
    private long index;

    @Setup
    public void setUp() {
        // start at a realistic System.nanoTime()-like value; 1 s warm-up, 60 s measured
        schedule = new OpenLoopSchedule(123_456_789_000_000L, 1_000_000_000L, 60_000_000_000L, ratePerSec);
    }

    @Benchmark
    public long intendedStartNs() {
        long i = index;
        index = (i + 1) & INDEX_MASK;
        return schedule.intendedStartNs(i);
    }
}
