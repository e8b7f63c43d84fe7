package org.pairbench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every benchmark of this module shares, so that {@code java -jar benchmarks.jar <regex>} alone gives a
 * short, usable run: average time per operation in ns, one fork, 3 warm-up and 5 measured iterations of 2 s.
 * Options on the command line ({@code -f -wi -w -i -r -tu}) override them; a subclass may override the unit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class HarnessBenchmark {
}
