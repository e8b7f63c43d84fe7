package org.pairbench.netty;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.Histograms;
import org.pairbench.core.result.PlatformHiccups;
import org.pairbench.core.schedule.NanoClock;

/**
 * A jHiccup-style meter of the platform under the generator: it runs on one of the generator's own event loops
 * (so with its core, scheduling class and timer slack) while no load runs, and records in HdrHistogram how much
 * later than asked the thread got to run, period after period:
 * <ul>
 *   <li>{@link Mode#SLEEP}: sleeps {@code period} and records the overshoot (wake-up minus due time), the
 *       lateness a generator that sleeps between sends inherits;</li>
 *   <li>{@link Mode#SPIN}: polls the clock for {@code period} and records the longest gap between two reads, the
 *       time the thread was off its CPU, which a generator that polls inherits.</li>
 * </ul>
 * The loop is blocked while the meter runs: call it between steps only.
 *
 * <p>Threading: {@link #measure} blocks the calling thread until the loop has finished measuring.
 */
public final class HiccupMeter {
    /** The period jHiccup uses: short enough for many samples, long enough for a sleep to be a real sleep. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(1);

    /** How the meter waits each period. */
    public enum Mode {
        SLEEP("sleep"),
        SPIN("spin");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private HiccupMeter() {
    }

    /** Measures one mode on {@code loop} for {@code duration}. */
    public static PlatformHiccups.Meter measure(EventExecutor loop, Mode mode, Duration duration, Duration period)
            throws InterruptedException {
        try {
            Histogram h = loop.submit(() -> record(NanoClock.SYSTEM, mode, duration.toNanos(), period.toNanos()))
                    .get();
            return summary(mode, duration, period, h);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the hiccup meter failed", e.getCause());
        }
    }

    /** Both modes, one after the other, on {@code loop}. */
    public static PlatformHiccups measureBoth(EventExecutor loop, Duration durationEach)
            throws InterruptedException {
        return new PlatformHiccups(measure(loop, Mode.SLEEP, durationEach, DEFAULT_PERIOD),
                measure(loop, Mode.SPIN, durationEach, DEFAULT_PERIOD));
    }

    /** The measuring loop itself, on the calling thread; values in nanoseconds. */
    static Histogram record(NanoClock clock, Mode mode, long durationNs, long periodNs) {
        Histogram h = Histograms.newHistogram();
        long endNs = clock.nanoTime() + durationNs;
        long now = clock.nanoTime();
        while (now < endNs) {
            long dueNs = now + periodNs;
            if (mode == Mode.SLEEP) {
                LockSupport.parkNanos(periodNs);
                now = clock.nanoTime();
                h.recordValue(Histograms.clamp(now - dueNs));
            } else {
                long longestGapNs = 0;
                long last = now;
                while (now < dueNs) {
                    Thread.onSpinWait();
                    now = clock.nanoTime();
                    longestGapNs = Math.max(longestGapNs, now - last);
                    last = now;
                }
                h.recordValue(Histograms.clamp(longestGapNs));
            }
        }
        return h;
    }

    private static PlatformHiccups.Meter summary(Mode mode, Duration duration, Duration period, Histogram h) {
        return new PlatformHiccups.Meter(mode.label(), period.toNanos() / 1e3, duration.toNanos() / 1e9,
                h.getTotalCount(), us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(99)),
                us(h.getValueAtPercentile(99.9)), us(h.getMaxValue()));
    }

    private static double us(long ns) {
        return Math.round(ns / 100.0) / 10.0;
    }
}
