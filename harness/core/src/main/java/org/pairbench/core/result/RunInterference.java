package org.pairbench.core.result;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.pairbench.core.interference.InterferenceBound;

/**
 * How quiet the machine was over a whole run: the {@link Interference} of every step that has figures, summed;
 * {@code interference} of {@code run.json}. A retried step counts its first attempt too. The figures of an
 * in-process benchmark program's run ({@link Interference#program()}), which each of its cases carries, count once:
 * as one step. Immutable.
 *
 * @param steps                 steps with interference figures (retries counted once, with their step; an
 *                              in-process program's run counted once, not once per case)
 * @param disturbedSteps        steps whose first attempt was disturbed
 * @param disturbedAfterRetry   of those, steps whose retry was disturbed as well
 * @param windowMs              measured time of every attempt
 * @param generatorCpusOtherMs  other work on the generator's CPUs, every attempt
 * @param targetCpusOtherMs     other work on the target's CPUs, every attempt
 * @param stealMs               steal time of both sides' CPUs, every attempt
 * @param maxOtherSharePercent  the largest share of a step's window any other work took on either side's CPUs
 *                              (per CPU of the side), first attempts included
 */
public record RunInterference(int steps, int disturbedSteps, int disturbedAfterRetry, double windowMs,
                              double generatorCpusOtherMs, double targetCpusOtherMs, double stealMs,
                              double maxOtherSharePercent) {
    /** The totals of a run's steps. */
    public static RunInterference of(RunSummary summary) {
        int steps = 0;
        int disturbed = 0;
        int stillDisturbed = 0;
        double[] sums = new double[4];
        double maxShare = 0;
        for (WorkloadResult w : summary.workloads()) {
            Set<String> programsCounted = new HashSet<>();
            for (StepResult s : w.steps()) {
                Interference i = s.interference();
                if (i == null || (i.program() != null && !programsCounted.add(i.program()))) {
                    continue; // no figures, or a further case of a program whose run was counted
                }
                steps++;
                Interference first = i.firstAttempt() != null ? i.firstAttempt() : i;
                if (first.disturbed()) {
                    disturbed++;
                    stillDisturbed += i.firstAttempt() != null && i.disturbed() ? 1 : 0;
                }
                for (Interference attempt : i.firstAttempt() != null ? new Interference[] {i, i.firstAttempt()}
                        : new Interference[] {i}) {
                    sums[0] += attempt.windowMs();
                    sums[1] += attempt.generatorCpusOtherMs();
                    sums[2] += attempt.targetCpusOtherMs();
                    sums[3] += attempt.stealMs();
                    maxShare = Math.max(maxShare, sharePercent(attempt));
                }
            }
        }
        return new RunInterference(steps, disturbed, stillDisturbed, round(sums[0]), round(sums[1]), round(sums[2]),
                round(sums[3]), round(maxShare));
    }

    /**
     * These totals in one sentence, as the console and the report say them: other work on each side's CPUs, steal,
     * the worst step, and the steps disturbed and retried.
     */
    public String sentence() {
        return String.format(Locale.ROOT, "Other work on the run's CPUs (from /proc/stat, the harness and the "
                        + "targets taken off): generator's CPUs %.1f s, target's CPUs %.1f s, steal %.1f s, over %.1f s "
                        + "measured; at most %.1f%% of a step. %d of %d steps DISTURBED (other work above %.0f%% of "
                        + "a side's CPU time, or steal above %.0f%%), %d still disturbed after its retry.",
                generatorCpusOtherMs / 1e3, targetCpusOtherMs / 1e3, stealMs / 1e3, windowMs / 1e3,
                maxOtherSharePercent, disturbedSteps, steps, InterferenceBound.MAX_OTHER_SHARE_PERCENT,
                InterferenceBound.MAX_STEAL_PERCENT, disturbedAfterRetry);
    }

    /** The larger side's other work per CPU of the side, as a share of the window. */
    static double sharePercent(Interference i) {
        if (i.windowMs() <= 0) {
            return 0;
        }
        double gen = i.generatorCpusOtherMs() / cpuCount(i.generatorCpus());
        double tgt = i.targetCpusOtherMs() / cpuCount(i.targetCpus());
        return 100 * Math.max(gen, tgt) / i.windowMs();
    }

    /** CPUs in a label such as {@code 0} or {@code 2,3}; {@code all} counts as 1 (its CPU count is not kept). */
    private static int cpuCount(String label) {
        return "all".equals(label) ? 1 : label.split(",").length;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
