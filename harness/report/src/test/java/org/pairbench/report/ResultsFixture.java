package org.pairbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.CpuIdle;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.CpuIdle;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.TargetResources;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.core.snippet.SnippetRun;
import org.pairbench.core.spec.GuideCode;

/** Builds the records of a small results directory and writes them, with their .hlog files, as the runner would. */
public final class ResultsFixture {
    public static final String WORKLOAD = "hello";

    private ResultsFixture() {
    }

    public static RunMetadata run(String runId) {
        return new RunMetadata(RunMetadata.SCHEMA, runId, "2025-01-02T03:04:05Z", List.of("run", "--suite", "smoke"),
                "smoke", "quick", "local", new RunMetadata.GitInfo("0123456789abcdef", true),
                new RunMetadata.EnvironmentInfo("Linux", "6.1.0", "Test CPU @ 3GHz", 8, 16L << 30, "17.0.15",
                        List.of("-Xmx1g"), "0", "1-2", "epoll", 1, 1, 50_000, null,
                        new CpuIdle("haltpoll", true, "0 us requested through /dev/cpu_dma_latency")),
                new RunMetadata.PythonInfo("/venv/bin/python", "3.12.3", "python-targets/requirements.lock",
                        "abc123", Map.of("eventlet", "0.36.1", "aiohttp", "3.9.5")), null,
                List.of(ResultsJson.mapper().createObjectNode().put("name", WORKLOAD)), null,
                new SnippetRun(SnippetRun.COMPLETE, "", List.of(new SnippetResult("AS/use-hub", SnippetResult.RAISED,
                        "AttributeError", "module 'eventlet' has no attribute 'use_hub'", "as_use_hub.py:2", "", "",
                        List.of("ResourceWarning x1: unclosed event loop"), 812, true, null))));
    }

    public static List<VariantInfo> variants() {
        return List.of(
                new VariantInfo("eventlet", "eventlet wsgi <script>alert('x')</script>",
                        List.of("python", "-m", "hello_eventlet", "--port", "{port}"), Map.of("backlog", "128"),
                        new GuideCode(GuideCode.AS_WRITTEN, "", "", "")),
                new VariantInfo("asyncio", "aiohttp & asyncio", List.of("python", "-m", "hello_asyncio"),
                        Map.of("backlog", "128", "workers", "1"),
                        new GuideCode(GuideCode.CORRECTED, "AS/sync-async-adapter", "loop.run_until_complete(main)",
                                "TypeError: An asyncio.Future, a coroutine or an awaitable is required")));
    }

    public static ParityResult parityPassed() {
        return new ParityResult(ParityResult.PASSED, List.of(parityResponse("eventlet"), parityResponse("asyncio")),
                null);
    }

    public static ParityResult.ParityResponse parityResponse(String variant) {
        return new ParityResult.ParityResponse(variant, "hello", 200, "text/plain", 13,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "Hello, <world>");
    }

    public static StepResult step(String variant, int trial, String stepId, int connections, double p99Us,
                                  boolean valid, String status, String error) {
        LatencySummary c = new LatencySummary(1000, p99Us / 3, p99Us / 3, p99Us / 2, p99Us, p99Us * 1.5, p99Us * 2);
        LatencySummary u = new LatencySummary(1000, p99Us / 4, p99Us / 4, p99Us / 3, p99Us / 2, p99Us, p99Us * 2);
        return new StepResult(variant, trial, stepId, "closed", "hello", connections, null, 950.5 * connections, 2,
                new OutcomeCounts(990, 3, 4, 1, 2, 5), c, u, u,
                new GeneratorHealth(0.3, 50, 80, valid, valid ? null : "generator lag p99 12 ms > 1 ms"),
                new TargetResources(1.5, 0.00012, 50L << 20, "/proc", 40L << 20, (10.0 * (1 << 20)) / connections),
                ResultLayout.hlogRelative(WORKLOAD, variant, trial, stepId), status, error);
    }

    /** Writes an hlog for a step: a warm-up second, then three measured seconds. */
    public static void hlog(Path resultsDir, StepResult s, double baseMs) throws IOException {
        try (HlogFixture f = new HlogFixture(new ResultLayout(resultsDir).resolve(s.hlog()))) {
            f.warmup(50, baseMs * 5).measure(500, baseMs, baseMs).measure(480, baseMs, baseMs)
                    .alsoMeasure(20, baseMs * 20, baseMs).measure(500, baseMs * 1.2, baseMs);
        }
    }

    public static VariantFailure failure() {
        return new VariantFailure("asyncio", 2, "hello-closed-4c", "target exited during the step", 137,
                List.of("Traceback (most recent call last):", "  File \"<app>\", line 3", "MemoryError: <boom>"));
    }

    public static void write(Path dir, RunMetadata run, RunSummary summary) throws IOException {
        ResultLayout layout = new ResultLayout(dir);
        if (run != null) {
            ResultsJson.write(layout.runJson(), run);
        }
        if (summary != null) {
            ResultsJson.write(layout.summaryJson(), summary);
        }
    }

    public static WorkloadResult workload(String name, ParityResult parity, List<StepResult> steps,
                                          List<VariantFailure> failures) {
        return new WorkloadResult(name, "Plain text hello over HTTP/1.1", List.of("C1", "C7"), "quick", variants(),
                parity, steps, failures);
    }
}
