package org.pairbench.core.verdict;

import java.util.SplittableRandom;

/**
 * Simulated paired suites for the verdict simulation test: n trials of a baseline A, a candidate B and A's A/A
 * twin A', drawn from a known effect and a noise model of three levels, the way a run measures them:
 *
 * <ul>
 *   <li>a drift shared by every side of trial k (the machine got busier for a while): {@code exp(N(0, driftSd))};
 *   <li>each side's own trial-to-trial noise: {@code exp(N(0, trialSd))};
 *   <li>inside a trial, {@code intervals} 1 s intervals, each with {@code exp(N(0, intervalSd))}, averaged into
 *       the trial's value (Kalibera and Jones' lower level).
 * </ul>
 *
 * Seeded ({@link SplittableRandom}), so every figure of the test is the same on every machine. Not thread-safe.
 */
final class SimulatedSuites {
    /** The reference run's spread (results/reference): its 75th percentile per side is about 0.10 in logs. */
    static final Noise REFERENCE = new Noise(0.15, 0.10, 0.10, 2);

    /**
     * @param driftSd    sd of the log drift shared by the sides of a trial
     * @param trialSd    sd of each side's own log noise per trial
     * @param intervalSd sd of the log noise of each 1 s interval inside a trial
     * @param intervals  1 s intervals per trial
     */
    record Noise(double driftSd, double trialSd, double intervalSd, int intervals) {
    }

    /** One suite: per trial the baseline, the candidate and the baseline's twin. */
    record Suite(double[] a, double[] b, double[] twin) {
    }

    private final SplittableRandom random;
    private final Noise noise;

    SimulatedSuites(long seed, Noise noise) {
        this.random = new SplittableRandom(seed);
        this.noise = noise;
    }

    /** A suite of n trials where B is {@code ratio} times A (on a higher-is-better metric) at base value 1000. */
    Suite next(int n, double ratio) {
        double[] a = new double[n];
        double[] b = new double[n];
        double[] twin = new double[n];
        for (int k = 0; k < n; k++) {
            double drift = Math.exp(gauss(noise.driftSd()));
            a[k] = 1000 * drift * side();
            b[k] = 1000 * ratio * drift * side();
            twin[k] = 1000 * drift * side();
        }
        return new Suite(a, b, twin);
    }

    /** A suite of counts per request: the baseline around {@code base}, the candidate {@code diff} apart, sd given. */
    Suite counts(int n, double base, double diff, double sd) {
        double[] a = new double[n];
        double[] b = new double[n];
        double[] twin = new double[n];
        for (int k = 0; k < n; k++) {
            double shared = gauss(sd);
            a[k] = base + shared + gauss(sd);
            b[k] = base + diff + shared + gauss(sd);
            twin[k] = base + shared + gauss(sd);
        }
        return new Suite(a, b, twin);
    }

    private double side() {
        double trial = Math.exp(gauss(noise.trialSd()));
        double sum = 0;
        for (int i = 0; i < noise.intervals(); i++) {
            sum += Math.exp(gauss(noise.intervalSd()));
        }
        return trial * sum / noise.intervals();
    }

    private double gauss(double sd) {
        return sd == 0 ? 0 : random.nextGaussian() * sd;
    }
}
