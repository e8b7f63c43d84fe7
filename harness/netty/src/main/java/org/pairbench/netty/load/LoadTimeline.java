package org.pairbench.netty.load;

import org.pairbench.core.record.Phase;

/**
 * When a step's phases begin and end, on the generator's {@code NanoClock}: warm-up from {@code startNs}, measured
 * period from {@code measureStartNs} to {@code endNs}. Fixed once all connections are open. Immutable.
 */
public record LoadTimeline(long startNs, long measureStartNs, long endNs) {

    /** Phase of a request intended (or, in closed loop, sent) at {@code ns}. */
    public Phase phaseOf(long ns) {
        return ns < measureStartNs ? Phase.WARMUP : Phase.MEASURE;
    }

    public long measureNs() {
        return endNs - measureStartNs;
    }
}
