package org.pairbench.core.verdict;

/**
 * One claim comparison: where the claim comes from and the words it tests, two variants of a workload, a metric
 * read at one step, and the hypothesis the words state. Immutable; produced by {@link ClaimsLoader} from
 * {@code workloads/claims.yaml}, from a workload file's own {@code claims:} entries, or from a {@code --claims}
 * file.
 *
 * @param id         claim id with the comparison, e.g. {@code C3/aiohttp-throughput}
 * @param claim      the catalog id, e.g. {@code C3} (a user's own claims use their own ids)
 * @param source     provenance: the guide page, section and verbatim words, or an outside source
 * @param workload   the workload measured
 * @param baseline   variant A
 * @param candidate  variant B, standing for what the claim recommends (or, for a claim about eventlet itself,
 *                   the side the claim is about)
 * @param metric     what is compared
 * @param step       the step id the metric is read from
 * @param hypothesis which test the verdict is
 * @param factor     for {@link Hypothesis#BETTER}: the least improvement factor (&gt;= 1); NaN otherwise
 * @param margin     for {@code not-worse} and {@code same}: the relative margin (0.05: 5%); for {@code fewer} and
 *                   {@code more}: the absolute margin in the metric's unit; NaN for {@code better}
 * @param statistic  {@link #MEAN} (compare the metric per trial) or {@link #CV} (compare its trial-to-trial
 *                   coefficient of variation: how predictable each side is; lower is better)
 */
public record ClaimSpec(String id, String claim, ClaimSource source, String workload, String baseline,
                        String candidate, Metric metric, String step, Hypothesis hypothesis, double factor,
                        double margin, String statistic) {
    public static final String HIGHER_IS_BETTER = "higher-is-better";
    public static final String LOWER_IS_BETTER = "lower-is-better";
    public static final String MEAN = "mean";
    public static final String CV = "cv";

    /** True when more of the compared quantity is better: the metric's own sense, never for a spread. */
    public boolean higherIsBetter() {
        return !CV.equals(statistic) && metric.higherIsBetter();
    }

    public String direction() {
        return higherIsBetter() ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }
}
