package org.pairbench.core.verdict;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * The content of {@code claims.json}: every claim comparison whose workload the run measured, with its verdict,
 * and the run's A/A series. Written at the end of a run and by {@code pairbench report}; read by the report page
 * and by {@code pairbench compare}.
 *
 * @param schema {@value #SCHEMA}
 * @param runId  the results directory's name
 * @param aa     the A/A series of the run: per workload, twin variant, step and metric, whether A' differs from A
 * @param claims the verdicts, in the order of the claims' files
 */
public record ClaimsReport(String schema, String runId, List<AaSeries> aa, List<ClaimVerdict> claims) {
    public static final String SCHEMA = "pairbench.claims/2";

    public ClaimsReport {
        aa = Copies.list(aa);
        claims = Copies.list(claims);
    }

    /**
     * One A/A comparison: the same variant measured as two arms (A and its twin A'), interleaved like any pair.
     *
     * @param workload the workload of the A/A series
     * @param variant  the variant measured twice
     * @param metric   the metric
     * @param step     the step it was read from
     * @param scale    {@code ratio} or {@code difference} (counts)
     * @param effect   A'/A (or A' - A)
     * @param ciLow    lower bound of its 99% interval ({@link AaComparisons#CONFIDENCE})
     * @param ciHigh   upper bound
     * @param trials   paired trials
     * @param differs  true when that interval excludes 1 (or 0): two measurements of one service differ
     */
    public record AaSeries(String workload, String variant, String metric, String step, String scale,
                           double effect, double ciLow, double ciHigh, int trials, boolean differs) {
        ClaimVerdict.AaCheck check() {
            return new ClaimVerdict.AaCheck(variant, effect, ciLow, ciHigh, trials, differs);
        }
    }
}
