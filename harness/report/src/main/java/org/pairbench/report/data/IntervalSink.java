package org.pairbench.report.data;

import org.HdrHistogram.Histogram;

/** Receives the intervals of an {@code .hlog} file one at a time, in file order. Single-threaded. */
@FunctionalInterface
public interface IntervalSink {
    /**
     * @param tag       the interval's tag, {@code <phase>.<view>} (e.g. {@code measure.corrected})
     * @param startSec  interval start, seconds since the step's start
     * @param lengthSec interval length in seconds
     * @param histogram values in nanoseconds; only valid during the call (copy or add it to keep it)
     */
    void accept(String tag, double startSec, double lengthSec, Histogram histogram);
}
