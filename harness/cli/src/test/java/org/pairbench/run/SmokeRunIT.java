package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.snippet.GuideSnippets;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.core.snippet.SnippetRun;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.spec.Suite;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;

/**
 * The end-to-end job of the README in small: the smoke suite, every variant of every workload for a few seconds
 * against its real service (the real Python environment is built on first use; db-pool's throwaway PostgreSQL
 * cluster too), then checks every file a run promises, in detail on http-hello. Counts and invariants only, never
 * durations: on a busy machine a step may be INVALID or see timeouts, but every service must start, pass parity
 * and answer.
 */
class SmokeRunIT {
    @TempDir
    static Path dir;
    static RunFixtures run;
    static ResultLayout layout;

    @BeforeAll
    static void runSmokeSuite() throws Exception {
        run = new RunFixtures().run(dir.resolve("smoke"), "smoke", List.of(), true);
        layout = new ResultLayout(dir.resolve("smoke"));
    }

    static WorkloadResult workload(String name) {
        return run.summary.workloads().stream().filter(w -> w.workload().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyVariantOfEveryWorkloadStartsPassesParityAndAnswers() {
        WorkloadCatalog catalog = new WorkloadCatalog(RunFixtures.PROJECT.resolve("workloads"));
        Suite smoke = catalog.suite("smoke");
        assertThat(run.summary.workloads()).extracting(WorkloadResult::workload)
                .containsExactlyElementsOf(smoke.workloads());
        for (WorkloadResult w : run.summary.workloads()) {
            Workload spec = catalog.workload(w.workload(), null);
            if (spec.inProcess()) {
                continue; // no service, no parity: inProcessWorkloadsKeepEveryPyperfValueWithTheCountsBeside
            }
            assertThat(w.parity().status()).as(w.workload() + "\n" + run.printed()).isEqualTo(ParityResult.PASSED);
            assertThat(w.failures()).as(w.workload()).isEmpty();
            int stepsPerVariant = spec.profiles().get(smoke.profile()).steps().size();
            assertThat(w.steps()).as(w.workload()).hasSize(spec.variants().size() * stepsPerVariant)
                    .extracting(StepResult::variant).containsOnlyElementsOf(spec.variants().keySet());
            for (StepResult s : w.steps()) {
                String what = w.workload() + "/" + s.variant() + " " + s.step();
                assertThat(s.status()).as(what).isEqualTo(StepResult.OK);
                assertThat(s.counts().ok()).as(what).isPositive();
                // read at clock-tick resolution: a second of light load on a busy machine may read 0
                assertThat(s.target().cpuSeconds()).as(what).isNotNegative();
            }
        }
        // the real PostgreSQL answered: every db-pool variant opened database sessions
        assertThat(workload("db-pool").steps()).allSatisfy(s -> assertThat(s.database()).isNotNull());
        assertThat(workload("fan-out").steps()).allSatisfy(s -> assertThat(s.upstream().requests()).isPositive());
        assertThat(run.summary.status()).as(run.printed()).isEqualTo(RunSummary.COMPLETE);
    }

    @Test
    void everyHttpHelloVariantPassesParityAndEveryStepIsMeasured() {
        WorkloadResult w = workload("http-hello");
        assertThat(w.parity().status()).isEqualTo(ParityResult.PASSED);
        assertThat(w.parity().responses()).hasSize(3 * 2);
        assertThat(w.failures()).isEmpty();
        assertThat(w.steps()).extracting(StepResult::variant).containsOnly("eventlet-wsgi", "aiohttp",
                "fastapi-uvicorn");
        assertThat(w.steps()).hasSize(3 * 3);
        for (StepResult s : w.steps()) {
            assertThat(s.status()).isEqualTo(StepResult.OK);
            assertThat(s.counts().ok()).as(s.variant() + " " + s.step()).isEqualTo(s.counts().requests()).isPositive();
            assertThat(s.corrected().count()).isEqualTo(s.counts().requests());
            assertThat(s.corrected().p99Us()).isGreaterThanOrEqualTo(s.corrected().p50Us());
            assertThat(s.target()).isNotNull();
            assertThat(s.target().cpuSeconds()).isPositive();
            assertThat(s.target().peakRssBytes()).isPositive();
            if (s.mode().equals("open")) {
                // open loop: every scheduled request of the measured period has an outcome, none is lost
                assertThat((double) s.counts().requests()).isEqualTo(s.intendedRatePerSec() * s.measureSec());
            }
        }
    }

    @Test
    void everyPhaseOfTheMigrationPathAnswersTheSameThroughTheUpstreamAndGetsItsLadder() {
        WorkloadResult w = workload("migration-path");
        List<String> phases = List.of("p0-eventlet", "p1-asyncio-hub", "p2-awaitlet", "p3-dual-mode", "p4-asyncio");
        assertThat(w.parity().responses()).hasSize(phases.size() * 2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(w.steps()).extracting(StepResult::variant).containsExactlyElementsOf(phases);
        // each answered request made its one call to the upstream (the data access's real I/O)
        assertThat(w.steps()).allSatisfy(s -> assertThat(s.upstream().requests()).as(s.variant())
                .isGreaterThanOrEqualTo(s.counts().ok()));
        assertThat(layout.chartsDir("migration-path").resolve("ladder-throughput.png")).isNotEmptyFile();
    }

    @Test
    void hlogFilesAreStandardIntervalLogsWhoseCountsMatchTheSummary() throws Exception {
        for (StepResult s : workload("http-hello").steps()) {
            Path hlog = layout.resolve(s.hlog());
            Map<String, Long> counts = new HashMap<>();
            try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
                EncodableHistogram h;
                while ((h = reader.nextIntervalHistogram()) != null) {
                    counts.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
                }
            }
            assertThat(counts.get("measure.corrected")).as(s.hlog()).isEqualTo(s.counts().requests());
            assertThat(counts.get("measure.uncorrected")).isEqualTo(s.counts().requests());
            assertThat(counts).containsKey("warmup.corrected");
        }
    }

    @Test
    void inProcessWorkloadsKeepEveryPyperfValueWithTheCountsBeside() throws Exception {
        List<WorkloadResult> inProcess = run.summary.workloads().stream()
                .filter(w -> w.steps().stream().anyMatch(s -> StepResult.INPROCESS.equals(s.mode()))).toList();
        assertThat(inProcess).extracting(WorkloadResult::workload).containsExactly("inprocess-tasks",
                "inprocess-queue", "inprocess-cpu", "inprocess-timeout", "inprocess-adapter", "awaitlet-depth",
                "awaitlet-nesting", "awaitlet-bridge");
        for (WorkloadResult w : inProcess) {
            assertThat(w.failures()).as(w.workload()).isEmpty();
            assertThat(w.steps()).as(w.workload()).hasSize(w.variants().size());
            for (StepResult s : w.steps()) {
                String what = w.workload() + "/" + s.variant() + " " + s.step();
                assertThat(s.status()).as(what).isEqualTo(StepResult.OK);
                assertThat(s.inprocess().values()).as(what).isPositive();
                assertThat(s.corrected().count()).as(what).isEqualTo(s.inprocess().values());
                assertThat(s.counts().ok()).as(what).isGreaterThanOrEqualTo(s.inprocess().values());
                assertThat(s.inprocess().counts()).as(what).containsKeys("threads_peak", "fds_peak", "fds_end");
                Map<String, Long> tags = new HashMap<>();
                try (HistogramLogReader reader = new HistogramLogReader(layout.resolve(s.hlog()).toFile())) {
                    EncodableHistogram h;
                    while ((h = reader.nextIntervalHistogram()) != null) {
                        tags.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
                    }
                }
                assertThat(tags.get("measure.corrected")).as(what).isEqualTo((long) s.inprocess().values());
            }
        }
        // what the guide's sentence "Awaitlet creates a new event loop in a separate thread for each call"
        // predicts, counted over the census's calls (1000 in the smoke profile, 10,000 in full)
        StepResult awaitlet = inProcess.get(7).steps().stream().filter(s -> s.variant().equals("awaitlet"))
                .findFirst().orElseThrow();
        assertThat(awaitlet.inprocess().counts()).containsEntry("threads_started", 0.0)
                .containsEntry("inside_caller_thread", 1.0).containsEntry("inside_loops", 1.0);
        assertThat(awaitlet.inprocess().counts().get("greenlets_seen")).isGreaterThanOrEqualTo(1000.0);
        StepResult pool = inProcess.get(2).steps().stream().filter(s -> s.variant().equals("process-pool"))
                .findFirst().orElseThrow();
        assertThat(pool.inprocess().notes().get("guide_error")).startsWith("TypeError");
        RunMetadata meta = ResultsJson.read(layout.runJson(), RunMetadata.class);
        assertThat(meta.pyperfSystem()).isNotEmpty();
    }

    @Test
    void runJsonRecordsVersionsEnvironmentAndTheResolvedWorkload() throws Exception {
        RunMetadata meta = ResultsJson.read(layout.runJson(), RunMetadata.class);
        assertThat(meta.runtime()).isEqualTo("local");
        assertThat(meta.python().packages()).containsKeys("eventlet", "aiohttp", "fastapi", "uvicorn");
        assertThat(meta.python().lockSha256()).hasSize(64);
        assertThat(meta.git().revision()).isNotEmpty();
        assertThat(meta.environment().cpus()).isPositive();
        JsonNode workload = meta.workloads().get(run.summary.workloads().indexOf(workload("http-hello")));
        assertThat(workload.get("name").asText()).isEqualTo("http-hello");
        assertThat(workload.at("/variants/eventlet-wsgi/settings/max-size").asText()).isEqualTo("16384");
        assertThat(workload.at("/profile/steps/0/id").asText()).isEqualTo("hello-open-300rps");
        // settings read back from the processes, not copied from the files
        assertThat(workload.at("/variants/fastapi-uvicorn/effective/uvicorn-http").asText()).isEqualTo("httptools");
        assertThat(workload.at("/variants/fastapi-uvicorn/effective/uvicorn-loop").asText()).isEqualTo("asyncio");
        assertThat(workload.at("/variants/eventlet-wsgi/effective/max-size").asText()).isEqualTo("16384");
        for (JsonNode w : meta.workloads()) {
            if (w.path("kind").asText().equals("inprocess")) {
                continue; // benchmark programs: no parity check starts them, so none reports its settings
            }
            w.path("variants").fields().forEachRemaining(v -> assertThat(v.getValue().has("effective"))
                    .as(w.path("name").asText() + "/" + v.getKey())
                    .isEqualTo(v.getValue().path("launch").asText().equals("python")));
        }
        JsonNode blocking = meta.workloads().get(run.summary.workloads().indexOf(workload("blocking")));
        assertThat(blocking.at("/variants/aiohttp-to-thread-default/effective/thread-pool").asInt()).isPositive();
        assertThat(blocking.at("/variants/aiohttp-to-thread-sized/effective/thread-pool").asText()).isEqualTo("64");
        JsonNode hubs = meta.workloads().get(run.summary.workloads().indexOf(workload("eventlet-hubs-hello")));
        assertThat(hubs.at("/variants/asyncio-uvloop/effective/event-loop").asText()).contains("uvloop");
    }

    @Test
    void everyRunRunsTheGuideSnippetsAndRecordsWhatTheyRaised() throws Exception {
        RunMetadata meta = ResultsJson.read(layout.runJson(), RunMetadata.class);
        SnippetRun snippets = meta.guideSnippets();
        assertThat(snippets.status()).isEqualTo(SnippetRun.COMPLETE);
        assertThat(snippets.results()).extracting(SnippetResult::id)
                .containsExactlyElementsOf(GuideSnippets.ofProject(RunFixtures.PROJECT).all().keySet());
        assertThat(snippets.results()).allSatisfy(r -> assertThat(r.expected()).as(r.id() + ": " + r.error()).isTrue());
        String useHub = "AttributeError: module 'eventlet' has no attribute 'use_hub'";
        assertThat(snippets.errorOf("AS/use-hub")).isEqualTo(useHub);
        // the corrected variant, and the broken flag of a claim on it, carry the error recorded in this run
        assertThat(workload("eventlet-hubs-hello").variants()).filteredOn(v -> v.name().equals("asyncio"))
                .singleElement().satisfies(v -> assertThat(v.guide().error()).isEqualTo(useHub));
        ClaimsReport claims = ResultsJson.read(layout.claimsJson(), ClaimsReport.class);
        assertThat(claims.claims()).filteredOn(c -> c.id().equals("C2/asyncio-hub-throughput")).singleElement()
                .satisfies(c -> assertThat(c.guideCode()).contains("eventlet.use_hub('asyncio') -> " + useHub));
    }

    @Test
    void theJsonFilesConformToTheirPublishedSchemas() throws Exception {
        assertThat(ResultSchemas.violations("summary.schema.json", layout.summaryJson())).isEmpty();
        assertThat(ResultSchemas.violations("run.schema.json", layout.runJson())).isEmpty();
    }

    @Test
    void chartsAndThePageAreWritten() throws Exception {
        Path charts = layout.chartsDir("http-hello");
        try (var files = Files.list(charts)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).contains("hello-open-300rps-percentiles.png", "hello-open-300rps-percentiles.svg",
                    "hello-closed-8c-timeline.png", "throughput-hello-closed.png");
        }
        assertThat(Files.readString(layout.indexHtml())).contains("eventlet-wsgi", "fastapi-uvicorn");
        assertThat(run.printed()).contains("Results: " + layout.dir()).contains("hello-closed-8c");
        // a one-trial run ends by setting its readings beside the published reference's verdicts
        assertThat(run.printed()).contains("This machine vs the published reference (")
                .contains("C3/aiohttp-throughput").contains("claims compared point the same way as the reference");
    }

    @Test
    void targetLogsAreKeptAndNoTargetIsLeftRunning() throws Exception {
        assertThat(layout.targetLog("http-hello", "aiohttp", 1)).exists();
        // by the run's own record (pid and start time of every target and of PostgreSQL), never by name: other
        // builds on the machine may run the same programs
        List<long[]> started = run.startedProcesses();
        // every service variant starts once for parity and once per trial, db-pool's cluster once
        assertThat(started).hasSizeGreaterThan(run.summary.workloads().size());
        assertThat(run.stillRunning()).as("pids the run started that still run").isEmpty();
    }
}
