package org.pairbench.core.verdict;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * One claim of the migration guide judged against one run: what the guide says, which two variants of which
 * workload it compares on which metric, and the verdict computed from the measured trials. Never written by
 * hand; {@code claims.json} holds one per claim comparison.
 *
 * @param id              claim id with the comparison, e.g. {@code C3/aiohttp}
 * @param claim           the catalog id, e.g. {@code C3}
 * @param guideWords      what the guide says
 * @param page            where (guide page and section)
 * @param workload        the workload measured
 * @param baseline        variant A (the eventlet side, usually)
 * @param candidate       variant B (what the guide recommends)
 * @param metric          what is compared (see {@link Metric})
 * @param step            the step id the metric is read from
 * @param unit            unit of the values
 * @param direction       {@code higher-is-better} or {@code lower-is-better}, for the candidate
 * @param threshold       improvement factor the guide implies (1.0: any improvement)
 * @param verdict         {@value #SUPPORTED}, {@value #REFUTED}, {@value #INCONCLUSIVE}, {@value #BROKEN} or
 *                        {@value #NO_DATA}
 * @param reason          one line saying why
 * @param effect          improvement factor of the candidate (B/A when higher is better, A/B when lower is), null
 *                        without data
 * @param ciLow           lower bound of its 95% bootstrap confidence interval over trials
 * @param ciHigh          upper bound
 * @param noisePct        the A/A noise floor used, percent
 * @param trials          paired trials used
 * @param baselineValues  the baseline's value per trial (valid trials only)
 * @param candidateValues the candidate's value per trial
 * @param guideCode       when the candidate (or baseline) stands for guide code that does not run as written: what
 *                        it raises; else null
 * @param evidence        relative link to the evidence in index.html (a workload section anchor)
 * @param statistic       {@code mean} (the metric's mean over trials is compared) or {@code cv} (its trial-to-trial
 *                        coefficient of variation: how predictable each side is)
 * @param pairedTrials    the trial numbers of the pairs used, in the order of the value lists
 */
public record ClaimVerdict(String id, String claim, String guideWords, String page, String workload,
                           String baseline, String candidate, String metric, String step, String unit,
                           String direction, double threshold, String verdict, String reason, Double effect,
                           Double ciLow, Double ciHigh, Double noisePct, int trials, List<Double> baselineValues,
                           List<Double> candidateValues, String guideCode, String evidence, String statistic,
                           List<Integer> pairedTrials) {
    public static final String SUPPORTED = "supported";
    public static final String REFUTED = "refuted";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String BROKEN = "broken";
    public static final String NO_DATA = "no-data";

    public ClaimVerdict {
        baselineValues = Copies.list(baselineValues);
        candidateValues = Copies.list(candidateValues);
        statistic = statistic == null ? ClaimSpec.MEAN : statistic;
        pairedTrials = Copies.list(pairedTrials);
    }

    /** A verdict on the means, without the trial numbers (the model's original shape). */
    public ClaimVerdict(String id, String claim, String guideWords, String page, String workload, String baseline,
                        String candidate, String metric, String step, String unit, String direction,
                        double threshold, String verdict, String reason, Double effect, Double ciLow, Double ciHigh,
                        Double noisePct, int trials, List<Double> baselineValues, List<Double> candidateValues,
                        String guideCode, String evidence) {
        this(id, claim, guideWords, page, workload, baseline, candidate, metric, step, unit, direction, threshold,
                verdict, reason, effect, ciLow, ciHigh, noisePct, trials, baselineValues, candidateValues, guideCode,
                evidence, ClaimSpec.MEAN, List.of());
    }
}
