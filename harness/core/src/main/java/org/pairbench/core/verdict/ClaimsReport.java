package org.pairbench.core.verdict;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * The content of {@code claims.json}: every claim comparison of {@code workloads/claims.yaml} whose workload the
 * run measured, with its verdict. Written at the end of a run and by {@code pairbench report}; read by the
 * report page and by {@code pairbench compare}.
 *
 * @param schema {@value #SCHEMA}
 * @param runId  the results directory's name
 * @param noise  the A/A noise floors measured in this run, by metric
 * @param claims the verdicts, in claims.yaml order
 */
public record ClaimsReport(String schema, String runId, List<NoiseFloor> noise, List<ClaimVerdict> claims) {
    public static final String SCHEMA = "pairbench.claims/1";

    public ClaimsReport {
        noise = Copies.list(noise);
        claims = Copies.list(claims);
    }

    /**
     * The run-to-run noise of one metric on this machine: the same variant measured as two arms (A and A'),
     * interleaved like any pair.
     *
     * @param workload  the workload of the A/A series
     * @param variant   the variant measured twice
     * @param metric    the metric
     * @param step      the step it was read from
     * @param noisePct  the largest deviation from 1 of the A'/A ratio's 95% interval, percent
     * @param trials    paired trials
     */
    public record NoiseFloor(String workload, String variant, String metric, String step, double noisePct,
                             int trials) {
    }
}
