package org.pairbench.core.verdict;

import java.util.List;
import java.util.Set;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;

/**
 * Builds a measured claim's {@link Repetitions}: reads the per-interval values of its metric at its step for
 * both variants and every paired trial ({@link StepIntervals}) and plans with {@link RepetitionPlan} on the
 * claim's own paired log-ratios. Only throughput and the latency percentiles have a value per 1 s interval; every
 * other claim gets a reason instead. Stateless.
 */
final class ClaimRepetitions {
    /** The metrics an interval log holds a value of per interval. */
    private static final Set<Metric> PER_INTERVAL = Set.of(Metric.THROUGHPUT, Metric.P50, Metric.P99, Metric.P999);

    private ClaimRepetitions() {
    }

    static Repetitions of(ClaimSpec spec, WorkloadResult w, List<Integer> pairs, double[] av, double[] bv,
                          double effect, StepIntervals logs) {
        String why = unavailable(spec, w);
        if (why != null) {
            return Repetitions.none(why);
        }
        StepIntervals.Reading[][] read = new StepIntervals.Reading[2][pairs.size()];
        List<String> sides = List.of(spec.baseline(), spec.candidate());
        double setup = 0;
        double length = 0;
        double measured = 0;
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < pairs.size(); k++) {
                StepResult step = step(w, sides.get(s), pairs.get(k), spec.step());
                StepIntervals.Reading r = logs.read(step, spec.metric());
                if (r.problem() != null) {
                    return Repetitions.none("no allocation: " + sides.get(s) + " t" + pairs.get(k) + ": "
                            + r.problem());
                }
                if (r.values().length == 0) {
                    return Repetitions.none("no allocation: " + sides.get(s) + " t" + pairs.get(k)
                            + " has no measured interval with a " + spec.metric().key() + " value");
                }
                read[s][k] = r;
                setup += r.trialCostSec();
                length += r.intervalSec();
                measured += r.measuredSec();
            }
        }
        double[][] a = values(read[0]);
        double[][] b = values(read[1]);
        if (!(mean(a) > 0) || !(mean(b) > 0)) {
            return Repetitions.none("no allocation: a side's intervals average 0 " + spec.metric().unit());
        }
        if (maxLength(a) < 2 || maxLength(b) < 2) {
            return Repetitions.none("no allocation: a side has one measured interval per trial: no within-trial"
                    + " spread");
        }
        double[] d = new double[av.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = Math.log(bv[k]) - Math.log(av[k]);
        }
        int n = 2 * pairs.size();
        return Repetitions.of(RepetitionPlan.forPair(a, b, d, measured / length, setup / n, length / n,
                RepetitionPlan.DEFAULT_TARGET), effect, VerdictRule.ratioBounds(spec.hypothesis(), spec.factor(),
                spec.margin()));
    }

    /** Why a claim has no allocation by its kind, or null when it can have one. */
    static String unavailable(ClaimSpec spec, WorkloadResult w) {
        if (spec.hypothesis().count()) {
            return "no allocation: a count per request has no value per 1 s interval";
        }
        if (ClaimSpec.CV.equals(spec.statistic())) {
            return "no allocation: a cv claim compares the trials' spreads (an F-interval), not their means";
        }
        boolean inProcess = w.steps().stream().anyMatch(s -> s.step().equals(spec.step())
                && StepResult.INPROCESS.equals(s.mode()));
        if (inProcess) {
            return "no allocation: an in-process step's log holds one value per pyperf worker process, not 1 s"
                    + " intervals";
        }
        if (!PER_INTERVAL.contains(spec.metric())) {
            return "no allocation: " + spec.metric().key() + " is read once per step, not per 1 s interval";
        }
        return null;
    }

    private static StepResult step(WorkloadResult w, String variant, int trial, String step) {
        return w.steps().stream().filter(s -> s.variant().equals(variant) && s.trial() == trial
                && s.step().equals(step)).findFirst().orElseThrow();
    }

    private static double[][] values(StepIntervals.Reading[] side) {
        double[][] out = new double[side.length][];
        for (int k = 0; k < side.length; k++) {
            out[k] = side[k].values();
        }
        return out;
    }

    private static double mean(double[][] v) {
        double s = 0;
        int n = 0;
        for (double[] t : v) {
            for (double x : t) {
                s += x;
                n++;
            }
        }
        return s / n;
    }

    private static int maxLength(double[][] v) {
        int m = 0;
        for (double[] t : v) {
            m = Math.max(m, t.length);
        }
        return m;
    }
}
