package org.pairbench.compare;

/**
 * How one metric of one variant at one step moved between two runs ({@link RegressionRule}). Values are means
 * over the valid trials of each run, with the trials' range. Immutable.
 *
 * @param workload      workload
 * @param variant       variant
 * @param step          step id
 * @param metric        metric key ({@link org.pairbench.core.verdict.Metric#key()})
 * @param unit          unit of the values
 * @param baselineMean  mean over the baseline's valid trials; null when it has none
 * @param baselineMin   smallest baseline trial value
 * @param baselineMax   largest
 * @param baselineTrials valid baseline trials
 * @param currentMean   mean over the current run's valid trials; null when it has none
 * @param currentMin    smallest current trial value
 * @param currentMax    largest
 * @param currentTrials valid current trials
 * @param worsePct      how much worse the current run is, percent (negative: better), from the geometric means
 *                      over the trials; null when not tested
 * @param worseLowPct   lower bound of its 95% interval (Welch), percent; null when not tested
 * @param worseHighPct  upper bound
 * @param pHolm         the p-value of "no change", adjusted by Holm over every metric the comparison tested;
 *                      null when not tested
 * @param thresholdPct  the least change that counts (--threshold)
 * @param status        {@value #REGRESSED}, {@value #IMPROVED}, {@value #UNCHANGED}, {@value #WITHIN_SPREAD},
 *                      {@value #FAILED} or {@value #NOT_COMPARED}
 * @param note          why a step is failed or not compared; else null
 */
public record MetricChange(String workload, String variant, String step, String metric, String unit,
                           Double baselineMean, Double baselineMin, Double baselineMax, int baselineTrials,
                           Double currentMean, Double currentMin, Double currentMax, int currentTrials,
                           Double worsePct, Double worseLowPct, Double worseHighPct, Double pHolm,
                           double thresholdPct, String status, String note) {
    /** Worse by more than the threshold, and significant after Holm's correction over the whole comparison. */
    public static final String REGRESSED = "regressed";
    /** Better by more than the threshold, and significant after the correction. */
    public static final String IMPROVED = "improved";
    /** Within the threshold. */
    public static final String UNCHANGED = "unchanged";
    /** Beyond the threshold, but not significant after the correction: not told apart from the spread. */
    public static final String WITHIN_SPREAD = "within-spread";
    /** Valid in the baseline, failed (not measured) in the current run: counts as a regression. */
    public static final String FAILED = "failed";
    /**
     * Not tested: fewer than {@link RegressionRule#MIN_TRIALS} valid trials on a side (generator INVALID, a
     * one-trial run, a new or dropped step), or a zero value.
     */
    public static final String NOT_COMPARED = "not-compared";

    /** Whether the row is worth a line in the table of what moved. */
    public boolean moved() {
        return !UNCHANGED.equals(status);
    }

    public boolean regression() {
        return REGRESSED.equals(status) || FAILED.equals(status);
    }
}
