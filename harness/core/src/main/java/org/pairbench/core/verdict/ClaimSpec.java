package org.pairbench.core.verdict;

/**
 * One claim comparison of {@code workloads/claims.yaml}: what the guide says, where, and how a run tests it (two
 * variants of a workload, a metric read at one step, the direction and the threshold the guide implies).
 * Immutable; produced by {@link ClaimsLoader}.
 *
 * @param id        claim id with the comparison, e.g. {@code C3/aiohttp}
 * @param claim     the catalog id, e.g. {@code C3}
 * @param words     the guide's words
 * @param page      guide page and section
 * @param workload  the workload measured
 * @param baseline  variant A
 * @param candidate variant B, standing for what the guide recommends
 * @param metric    what is compared
 * @param step      the step id the metric is read from
 * @param direction {@link #HIGHER_IS_BETTER} or {@link #LOWER_IS_BETTER} for the compared quantity
 * @param threshold the improvement factor of B over A the guide implies (1.0: any improvement)
 * @param statistic {@link #MEAN} (compare the metric's mean over trials) or {@link #CV} (compare its
 *                  trial-to-trial coefficient of variation: how predictable each side is)
 */
public record ClaimSpec(String id, String claim, String words, String page, String workload, String baseline,
                        String candidate, Metric metric, String step, String direction, double threshold,
                        String statistic) {
    public static final String HIGHER_IS_BETTER = "higher-is-better";
    public static final String LOWER_IS_BETTER = "lower-is-better";
    public static final String MEAN = "mean";
    public static final String CV = "cv";

    public boolean higherIsBetter() {
        return HIGHER_IS_BETTER.equals(direction);
    }
}
