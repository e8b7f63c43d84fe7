package org.pairbench.core.verdict;

import org.pairbench.core.result.StepResult;

/**
 * Where the verdicts find a step's per-interval values (its {@code .hlog}, one histogram per 1 s interval), kept
 * behind an interface so that the judge stays pure: the results directory's reader lives with the other
 * {@code .hlog} readers (report module), and tests hand in values of their own. Implementations are called from
 * the judging thread only.
 */
@FunctionalInterface
public interface StepIntervals {
    /** Reads nothing: every claim's allocation says the interval logs were not read. */
    StepIntervals NONE = (step, metric) -> Reading.problem("the interval logs were not read");

    /**
     * The values of {@code metric} in each measured interval of {@code step}, in order, with the costs of the
     * two levels of repetition; or a reading that says what could not be read.
     */
    Reading read(StepResult step, Metric metric);

    /**
     * One step's per-interval values.
     *
     * @param values       the metric per measured interval (throughput: requests completed per second of it;
     *                     a percentile: that interval's own, in {@code us}; an empty interval has none)
     * @param intervalSec  the intervals' length, seconds (the cost of one more interval)
     * @param measuredSec  the step's measured period covered by the intervals, seconds
     * @param trialCostSec seconds the trial spent before this step measured: the trial's opening warm-up and the
     *                     step's own warm-up (the target's start is not in the logs, so a lower bound)
     * @param problem      null when read; else what could not be read, and the figures are empty
     */
    record Reading(double[] values, double intervalSec, double measuredSec, double trialCostSec, String problem) {
        public Reading {
            values = values.clone();
        }

        public static Reading problem(String problem) {
            return new Reading(new double[0], 0, 0, 0, problem);
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }
}
