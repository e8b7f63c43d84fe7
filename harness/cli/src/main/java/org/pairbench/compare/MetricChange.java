package org.pairbench.compare;

/**
 * How one metric of one variant at one step moved between two runs. Values are means over the valid trials of
 * each run, with the trials' range. Immutable.
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
 * @param worsePct      how much worse the current mean is, percent (negative: better); null without both means
 * @param allowedPct    the change allowed before it counts (the larger of the A/A noise and --threshold)
 * @param allowedFrom   where the allowance comes from
 * @param status        {@value #REGRESSED}, {@value #IMPROVED}, {@value #UNCHANGED}, {@value #WITHIN_SPREAD},
 *                      {@value #FAILED} or {@value #NOT_COMPARED}
 * @param note          why a step is failed or not compared; else null
 */
public record MetricChange(String workload, String variant, String step, String metric, String unit,
                           Double baselineMean, Double baselineMin, Double baselineMax, int baselineTrials,
                           Double currentMean, Double currentMin, Double currentMax, int currentTrials,
                           Double worsePct, double allowedPct, String allowedFrom, String status, String note) {
    /** Worse by more than allowed, and every current trial worse than every baseline trial. */
    public static final String REGRESSED = "regressed";
    /** Better by more than allowed, and every current trial better than every baseline trial. */
    public static final String IMPROVED = "improved";
    /** Within the allowance. */
    public static final String UNCHANGED = "unchanged";
    /** Beyond the allowance on the means, but the trials of the two runs overlap: not told apart. */
    public static final String WITHIN_SPREAD = "within-spread";
    /** Valid in the baseline, failed (not measured) in the current run: counts as a regression. */
    public static final String FAILED = "failed";
    /** No valid trial on one side for another reason (generator INVALID, new or dropped step). */
    public static final String NOT_COMPARED = "not-compared";

    /** Whether the row is worth a line in the table of what moved. */
    public boolean moved() {
        return !UNCHANGED.equals(status);
    }

    public boolean regression() {
        return REGRESSED.equals(status) || FAILED.equals(status);
    }
}
