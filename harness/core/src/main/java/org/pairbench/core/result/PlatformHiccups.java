package org.pairbench.core.result;

/**
 * The platform's own stalls on the generator's core, measured with no load running (jHiccup's idea): a thread
 * with the generator's scheduling, pinning and timer slack waits for a fixed period again and again and records
 * how late it got back. Generator lag at or below these figures is the platform's, not the generator's.
 *
 * @param sleep a thread that sleeps: what a generator that sleeps between sends inherits
 * @param spin  a thread that polls and never sleeps: what a polling generator inherits
 */
public record PlatformHiccups(Meter sleep, Meter spin) {

    /**
     * One mode of the meter.
     *
     * @param mode        {@code sleep} (overshoot of each sleep past its period) or {@code spin} (per period, the
     *                    longest gap between two consecutive clock reads: how long the thread was off the CPU)
     * @param periodUs    the period waited each time
     * @param durationSec how long it measured
     * @param samples     periods measured
     * @param p50Us       median overshoot (sleep) or longest gap (spin)
     * @param p99Us       99th percentile
     * @param p999Us      99.9th percentile
     * @param maxUs       largest
     */
    public record Meter(String mode, double periodUs, double durationSec, long samples, double p50Us,
                        double p99Us, double p999Us, double maxUs) {
    }
}
