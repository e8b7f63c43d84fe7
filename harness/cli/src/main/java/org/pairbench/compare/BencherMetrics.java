package org.pairbench.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.Metric;
import org.pairbench.core.verdict.TrialValues;

/**
 * Writes a run's figures in Bencher Metric Format (BMF, https://bencher.dev/docs/reference/bencher-metric-format):
 * {@code {"<workload>/<variant>/<step>": {"<measure>": {"value": mean, "lower_value": min, "upper_value": max}}}}
 * over the valid trials of each step. Measures: {@code throughput} (responses per second, Bencher's built-in
 * measure), {@code latency} (corrected p99 in nanoseconds, the built-in latency measure's unit),
 * {@code latency-p50} (corrected p50, nanoseconds) and {@code cpu-per-request} (target CPU-seconds per request,
 * in nanoseconds). Upload with {@code bencher run --adapter json --file FILE}. Stateless.
 */
public final class BencherMetrics {
    private BencherMetrics() {
    }

    public static void write(Path file, RunSummary run) throws IOException {
        ResultsJson.write(file, of(run));
    }

    static ObjectNode of(RunSummary run) {
        ObjectNode root = ResultsJson.mapper().createObjectNode();
        for (WorkloadResult w : run.workloads()) {
            w.steps().stream().map(s -> s.variant() + "\u0000" + s.step()).distinct().forEach(key -> {
                String[] vs = key.split("\u0000");
                ObjectNode bench = ResultsJson.mapper().createObjectNode();
                measure(bench, "throughput", TrialValues.of(w, vs[0], vs[1], Metric.THROUGHPUT), 1);
                measure(bench, "latency", TrialValues.of(w, vs[0], vs[1], Metric.P99), 1e3);
                measure(bench, "latency-p50", TrialValues.of(w, vs[0], vs[1], Metric.P50), 1e3);
                measure(bench, "cpu-per-request", TrialValues.of(w, vs[0], vs[1], Metric.CPU_PER_REQUEST), 1e9);
                if (!bench.isEmpty()) {
                    root.set(w.workload() + "/" + vs[0] + "/" + vs[1], bench);
                }
            });
        }
        return root;
    }

    /** One measure over the valid trials, scaled to its BMF unit; nothing when no trial is valid. */
    private static void measure(ObjectNode bench, String name, TrialValues t, double scale) {
        if (t.byTrial().isEmpty()) {
            return;
        }
        var s = t.byTrial().values().stream().mapToDouble(v -> v * scale).summaryStatistics();
        ObjectNode m = bench.putObject(name);
        m.put("value", s.getAverage());
        m.put("lower_value", s.getMin());
        m.put("upper_value", s.getMax());
    }
}
