package org.pairbench.core.inprocess;

import java.util.List;
import java.util.Map;
import org.pairbench.core.Copies;

/**
 * What one trial of one in-process variant produced: pyperf's results for each benchmark case the program ran, as
 * {@link PyperfOutputReader} read them from the program's output, and pyperf's warnings about each case. Immutable.
 *
 * @param benchmarks one entry per case, in the order the program ran them
 * @param checks     case name to pyperf's warnings about its result's stability ({@code pyperf check}'s text)
 */
public record PyperfOutput(List<Benchmark> benchmarks, Map<String, List<String>> checks) {
    /** The line prefix the program prints its JSON after ({@code python-targets/inprocess/bench.py}). */
    public static final String MARK = "PAIRBENCH-PYPERF ";
    /** Prefix of the run metadata the benchmark process adds (counts beside times). */
    public static final String META_PREFIX = "pairbench_";

    public PyperfOutput {
        benchmarks = Copies.list(benchmarks);
        checks = Copies.map(checks);
    }

    /** The case of that name, or null. */
    public Benchmark benchmark(String name) {
        for (Benchmark b : benchmarks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /**
     * One case: every run pyperf made of it (one per worker process).
     *
     * @param name the case name ({@code spawn-join}), the step id
     * @param runs in the order pyperf made them; a calibration run has warm-ups and no values
     */
    public record Benchmark(String name, List<Run> runs) {
        public Benchmark {
            runs = Copies.list(runs);
        }
    }

    /**
     * One pyperf run (one worker process).
     *
     * @param warmupSecs  seconds per operation of each warm-up value
     * @param valueSecs   seconds per operation of each measured value
     * @param opsPerValue operations one value timed (pyperf's loops times inner loops)
     * @param durationSec how long the worker ran the case (pyperf's {@code duration}), 0 when unknown
     * @param metadata    pyperf's metadata of the run, suite and benchmark metadata merged under it
     */
    public record Run(List<Double> warmupSecs, List<Double> valueSecs, long opsPerValue, double durationSec,
                      Map<String, Object> metadata) {
        public Run {
            warmupSecs = Copies.list(warmupSecs);
            valueSecs = Copies.list(valueSecs);
            metadata = Copies.map(metadata);
        }
    }
}
