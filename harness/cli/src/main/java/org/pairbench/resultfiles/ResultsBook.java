package org.pairbench.resultfiles;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.ForcedStop;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.PortRetry;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;

/**
 * The run's figures as they accumulate, rewritten to {@code summary.json} after every change, so that a run that
 * is interrupted or killed leaves a readable, valid file with everything measured so far.
 *
 * <p>Threading: synchronized; the runner's thread adds results, the shutdown hook may flush.
 */
public final class ResultsBook {
    private final ResultLayout layout;
    private final String runId;
    private final String suite;
    private final String runtime;
    private final String startedAt = Instant.now().toString();
    private final Map<String, Entry> workloads = new LinkedHashMap<>();
    private String status = RunSummary.RUNNING;
    private String finishedAt;

    private static final class Entry {
        String description;
        List<String> claims;
        String profile;
        List<VariantInfo> variants = List.of();
        ParityResult parity = new ParityResult(ParityResult.SKIPPED, List.of(), null);
        final List<StepResult> steps = new ArrayList<>();
        final List<VariantFailure> failures = new ArrayList<>();
    }

    public ResultsBook(ResultLayout layout, String runId, String suite, String runtime) {
        this.layout = layout;
        this.runId = runId;
        this.suite = suite;
        this.runtime = runtime;
    }

    public synchronized void workload(String name, String description, List<String> claims, String profile,
                               List<VariantInfo> variants) throws IOException {
        Entry e = workloads.computeIfAbsent(name, k -> new Entry());
        e.description = description;
        e.claims = claims;
        e.profile = profile;
        e.variants = variants;
        flush();
    }

    /** Records the settings a variant's process reported it runs with. */
    public synchronized void effective(String workload, String variant, Map<String, String> reported)
            throws IOException {
        updateVariant(workload, variant, v -> v.withEffective(reported));
    }

    /** Records a start of a variant made again on another port (a foreign process held the first). */
    public synchronized void portRetry(String workload, String variant, PortRetry retry) throws IOException {
        updateVariant(workload, variant, v -> v.withPortRetry(retry));
    }

    /** Records a stop of a variant's target that needed SIGKILL. */
    public synchronized void forcedStop(String workload, String variant, ForcedStop stop) throws IOException {
        updateVariant(workload, variant, v -> v.withForcedStop(stop));
    }

    private void updateVariant(String workload, String variant, java.util.function.UnaryOperator<VariantInfo> change)
            throws IOException {
        Entry e = workloads.get(workload);
        e.variants = e.variants.stream().map(v -> v.name().equals(variant) ? change.apply(v) : v).toList();
        flush();
    }

    public synchronized void parity(String workload, ParityResult parity) throws IOException {
        workloads.get(workload).parity = parity;
        flush();
    }

    public synchronized void step(String workload, StepResult step) throws IOException {
        workloads.get(workload).steps.add(step);
        flush();
    }

    public synchronized void failure(String workload, VariantFailure failure) throws IOException {
        workloads.get(workload).failures.add(failure);
        flush();
    }

    public synchronized boolean hasFailures() {
        return workloads.values().stream().anyMatch(e -> !e.failures.isEmpty()
                || ParityResult.FAILED.equals(e.parity.status())
                || e.steps.stream().anyMatch(s -> !StepResult.OK.equals(s.status())));
    }

    /** Sets the final status and writes it. */
    public synchronized void finish(String finalStatus) throws IOException {
        status = finalStatus;
        finishedAt = Instant.now().toString();
        flush();
    }

    public synchronized RunSummary summary() {
        List<WorkloadResult> out = new ArrayList<>();
        workloads.forEach((name, e) -> out.add(new WorkloadResult(name, e.description, e.claims, e.profile,
                e.variants, e.parity, e.steps, e.failures)));
        return new RunSummary(RunSummary.SCHEMA, runId, status, startedAt, finishedAt, suite, runtime, out);
    }

    public synchronized void flush() throws IOException {
        ResultsJson.write(layout.summaryJson(), summary());
    }
}
