package org.pairbench.core.schedule;

/**
 * The constant-rate schedule of an open-loop step. Request {@code i} is intended to be sent at
 * {@code startNs + floor(i * 1e9 / ratePerSec)}: computed from its index, never by adding intervals, so the
 * schedule cannot drift and needs no clock to test. Latency is measured from this intended time.
 *
 * <p>The step is split in phases by intended time: indices intended before {@code startNs + warmupNs} belong to
 * the warm-up, the rest up to the end of the measured period (exclusive) are measured; the edges themselves are
 * the {@link StepTimeline}'s. Immutable; safe to share between threads.
 */
public final class OpenLoopSchedule {
    private final long startNs;
    private final double ratePerSec;
    private final long totalCount;
    private final long warmupCount;

    public OpenLoopSchedule(long startNs, long warmupNs, long measureNs, double ratePerSec) {
        if (!(ratePerSec > 0) || warmupNs < 0 || measureNs <= 0) {
            throw new IllegalArgumentException("rate and measured time must be positive, warm-up not negative");
        }
        this.startNs = startNs;
        this.ratePerSec = ratePerSec;
        this.totalCount = countIntendedBefore(warmupNs + measureNs);
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
}
