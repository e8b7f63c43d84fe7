package org.pairbench.core.verdict;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * One claim judged against one run: where the claim comes from and its words, which two variants of which
 * workload it compares on which metric, the hypothesis it states, and the verdict computed from the measured
 * trials. Never written by hand; {@code claims.json} holds one per claim comparison.
 *
 * @param id              claim id with the comparison, e.g. {@code C3/aiohttp-throughput}
 * @param claim           the catalog id, e.g. {@code C3}
 * @param source          where the claim comes from: guide page, section and verbatim words, or an outside source
 * @param workload        the workload measured
 * @param baseline        variant A (the eventlet side, usually)
 * @param candidate       variant B (what the guide recommends)
 * @param metric          what is compared (see {@link Metric})
 * @param step            the step id the metric is read from
 * @param unit            unit of the values (and of a difference)
 * @param direction       {@code higher-is-better} or {@code lower-is-better}, for the compared quantity
 * @param statistic       {@code mean} (per-trial values compared) or {@code cv} (their coefficients of variation)
 * @param hypothesis      {@code better}, {@code not-worse}, {@code same}, {@code fewer} or {@code more}
 * @param factor          for {@code better}: the least improvement factor; else null
 * @param margin          for the others: relative (not-worse, same) or absolute (fewer, more); else null
 * @param scale           {@value #RATIO} (effect = improvement factor) or {@value #DIFFERENCE} (effect = candidate
 *                        minus baseline, in {@code unit})
 * @param verdict         {@value #SUPPORTED}, {@value #REFUTED}, {@value #INCONCLUSIVE} or {@value #NO_DATA}
 * @param reason          one line saying why
 * @param effect          the estimate (a ratio or a difference, see {@code scale}); null without data
 * @param ciLow           lower bound of its interval at {@code confidence}
 * @param ciHigh          upper bound
 * @param confidence      the interval's confidence level (0.95)
 * @param trials          paired trials used
 * @param pairedTrials    the trial numbers of the pairs used, in the order of the value lists
 * @param baselineValues  the baseline's value per paired trial
 * @param candidateValues the candidate's value per paired trial
 * @param aa              the A/A check of this workload at this metric and step, or null when the run has none
 * @param broken          true when a compared variant runs a corrected version of guide code that does not run
 *                        as written: the verdict is the corrected code's, and {@code guideCode} says what the
 *                        original raises
 * @param guideCode       for a broken claim: each corrected variant, the guide's original and its error; else null
 * @param evidence        relative link to the evidence in index.html (a workload section anchor)
 * @param repetitions     how many trials of how many seconds would narrow the interval to ±5%
 *                        ({@link RepetitionPlan}), or why there is no such plan; null for {@code no-data}
 */
public record ClaimVerdict(String id, String claim, ClaimSource source, String workload, String baseline,
                           String candidate, String metric, String step, String unit, String direction,
                           String statistic, String hypothesis, Double factor, Double margin, String scale,
                           String verdict, String reason, Double effect, Double ciLow, Double ciHigh,
                           double confidence, int trials, List<Integer> pairedTrials, List<Double> baselineValues,
                           List<Double> candidateValues, AaCheck aa, boolean broken, String guideCode,
                           String evidence, Repetitions repetitions) {
    public static final String SUPPORTED = "supported";
    public static final String REFUTED = "refuted";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String NO_DATA = "no-data";
    public static final String RATIO = "ratio";
    public static final String DIFFERENCE = "difference";

    public ClaimVerdict {
        baselineValues = Copies.list(baselineValues);
        candidateValues = Copies.list(candidateValues);
        pairedTrials = Copies.list(pairedTrials);
        statistic = statistic == null ? ClaimSpec.MEAN : statistic;
    }

    /** True for a verdict on a difference of counts. */
    public boolean difference() {
        return DIFFERENCE.equals(scale);
    }

    /**
     * The A/A series of a claim's workload at its metric and step: the variant measured twice, A'/A (or A' - A
     * for a count) with its interval. When that interval excludes "no difference", two measurements of the same
     * service differ in this run, so the run cannot judge the claim.
     *
     * @param variant the variant measured twice (its twin is {@code <variant>.aa})
     * @param effect  A'/A (or A' - A)
     * @param ciLow   lower bound of the interval
     * @param ciHigh  upper bound
     * @param trials  paired trials
     * @param differs true when the interval excludes 1 (or 0)
     */
    public record AaCheck(String variant, double effect, double ciLow, double ciHigh, int trials, boolean differs) {
    }
}
