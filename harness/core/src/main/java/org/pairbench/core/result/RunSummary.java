package org.pairbench.core.result;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * The content of {@code summary.json}: the figures of a run, rewritten after every step so that an interrupted
 * run leaves a readable file. Documented field by field in {@code docs/results-format.md} and by the JSON Schema
 * {@code docs/schema/summary.schema.json}.
 *
 * @param schema     {@value #SCHEMA}
 * @param runId      the results directory's name
 * @param status     {@code running}, {@code complete}, {@code completed-with-failures}, {@code interrupted},
 *                   {@code failed}, or {@code abandoned} (set by a later run that found this one killed)
 * @param startedAt  ISO-8601 instant
 * @param finishedAt ISO-8601 instant, null while running
 * @param suite      suite name
 * @param runtime    {@code local} or {@code docker}
 * @param workloads  one entry per workload, in run order
 */
public record RunSummary(String schema, String runId, String status, String startedAt, String finishedAt,
                         String suite, String runtime, List<WorkloadResult> workloads) {
    public static final String SCHEMA = "pairbench.summary/1";
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String COMPLETED_WITH_FAILURES = "completed-with-failures";
    public static final String INTERRUPTED = "interrupted";
    public static final String ABANDONED = "abandoned";

    public RunSummary {
        workloads = Copies.list(workloads);
    }
}
