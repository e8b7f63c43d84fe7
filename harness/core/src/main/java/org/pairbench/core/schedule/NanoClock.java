package org.pairbench.core.schedule;

/**
 * The monotonic time source of everything that measures. Injected, never a static, so schedulers and recorders
 * can be tested by advancing a fake clock and asserting intended times and counts rather than durations.
 */
@FunctionalInterface
public interface NanoClock {
    NanoClock SYSTEM = System::nanoTime;

    /** Monotonic nanoseconds, comparable only with other readings of the same clock. */
    long nanoTime();

    /**
     * Wall-clock milliseconds now, read once per step to anchor its timeline to the calendar (the {@code .hlog}
     * base time); never used to measure an interval.
     */
    default long epochMillis() {
        return System.currentTimeMillis();
    }
}
