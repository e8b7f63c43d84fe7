package org.pairbench.core.schedule;

/**
 * The constant-rate schedule of an open-loop step. Request {@code i} is intended to be sent at
 * {@code startNs + floor(i * 1e9 / ratePerSec)}: computed from its index, never by adding intervals, so the
 * schedule cannot drift and needs no clock to test. Latency is measured from this intended time.
 *
 * <p>The step is split in phases by intended time: indices intended before {@code measureStartNs} belong to the
 * warm-up, the rest up to {@code endNs} (exclusive) are measured. Immutable; safe to share between threads.
 */
public final class OpenLoopSchedule {
    private final long startNs;
    private final long measureStartNs;
    private final long endNs;
    private final double ratePerSec;
    private final long totalCount;
    private final long warmupCount;

    public OpenLoopSchedule(long startNs, long warmupNs, long measureNs, double ratePerSec) {
        if (!(ratePerSec > 0) || warmupNs < 0 || measureNs <= 0) {
            throw new IllegalArgumentException("rate and measured time must be positive, warm-up not negative");
        }
        this.startNs = startNs;
        this.measureStartNs = startNs + warmupNs;
        this.endNs = measureStartNs + measureNs;
        this.ratePerSec = ratePerSec;
        this.totalCount = countIntendedBefore(endNs - startNs);
        this.warmupCount = countIntendedBefore(warmupNs);
    }

    /** Number of indices whose intended time lies before {@code startNs + offsetNs}. */
    private long countIntendedBefore(long offsetNs) {
        // smallest i with floor(i * 1e9 / rate) >= offset; start from the estimate and correct for rounding
        long i = (long) Math.ceil(offsetNs * ratePerSec / 1e9);
        while (i > 0 && offsetFor(i - 1) >= offsetNs) {
            i--;
        }
        while (offsetFor(i) < offsetNs) {
            i++;
        }
        return i;
    }

    private long offsetFor(long index) {
        return (long) Math.floor(index * 1e9 / ratePerSec);
    }

    /** Intended send time of request {@code index} (0-based). */
    public long intendedStartNs(long index) {
        return startNs + offsetFor(index);
    }

    /** Requests of the whole step, warm-up included. */
    public long totalCount() {
        return totalCount;
    }

    /** Requests intended during the warm-up; index {@code warmupCount()} is the first measured one. */
    public long warmupCount() {
        return warmupCount;
    }

    public long measuredCount() {
        return totalCount - warmupCount;
    }

    public boolean isWarmup(long index) {
        return index < warmupCount;
    }

    public long startNs() {
        return startNs;
    }

    public long measureStartNs() {
        return measureStartNs;
    }

    public long endNs() {
        return endNs;
    }

    public double ratePerSec() {
        return ratePerSec;
    }

    /**
     * How many of the indices {@code from, from + stride, from + 2*stride, ...} (below {@link #totalCount()}) are
     * due at {@code nowNs}, i.e. have an intended time at or before it. Used by a worker that owns every
     * {@code stride}-th request to find its next due index without a clock in the arithmetic.
     */
    public long nextNotDue(long fromIndex, long stride, long nowNs) {
        long i = fromIndex;
        while (i < totalCount && intendedStartNs(i) <= nowNs) {
            i += stride;
        }
        return i;
    }
}
