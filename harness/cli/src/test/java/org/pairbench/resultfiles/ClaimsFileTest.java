package org.pairbench.resultfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.console.ClaimsTable;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.Repetitions;
import org.pairbench.run.ResultSchemas;
import org.pairbench.run.RunFixtures;

/**
 * claims.json from a constructed http-hello run judged with the shipped claims.yaml: it conforms to its schema,
 * reads back equal, and the terminal table shows every claim of the workload.
 */
class ClaimsFileTest {
    @TempDir
    Path dir;

    @Test
    void theShippedClaimsJudgeAnHttpHelloRun() throws Exception {
        List<StepResult> steps = new ArrayList<>();
        double[][] perVariant = {{10_000, 10_300, 9_800}, {20_000, 20_500, 19_700}, {12_000, 12_100, 11_900}};
        String[] names = {"eventlet-wsgi", "aiohttp", "fastapi-uvicorn"};
        for (int t = 0; t < 3; t++) {
            for (int v = 0; v < names.length; v++) {
                double rate = perVariant[v][t];
                LatencySummary lat = new LatencySummary(1000, 1e6 / rate, 1e6 / rate, 1e6 / rate, 1e6 / rate,
                        1e6 / rate, 1e6 / rate);
                steps.add(new StepResult(names[v], t + 1, "hello-closed-64c", "closed", "hello", 64, null, rate, 2.0,
                        new OutcomeCounts(Math.round(rate * 2), 0, 0, 0, 0, 0), lat, lat, lat,
                        new GeneratorHealth(0.2, 10, 20, true, null), null,
                        ResultLayout.hlogRelative("http-hello", names[v], t + 1, "hello-closed-64c"), StepResult.OK,
                        null));
                writeHlogs(dir.resolve(ResultLayout.hlogRelative("http-hello", names[v], t + 1,
                        "hello-closed-64c")), rate);
            }
        }
        List<VariantInfo> variants = new ArrayList<>();
        for (String n : names) {
            variants.add(new VariantInfo(n, n, List.of("python3"), Map.of(), null));
        }
        RunSummary summary = new RunSummary(RunSummary.SCHEMA, "r", RunSummary.COMPLETE, "a", "b", "full", "local",
                List.of(new WorkloadResult("http-hello", "d", List.of("C3", "C1"), "full", variants,
                        new ParityResult(ParityResult.PASSED, List.of(), null), steps, List.of())));
        ResultLayout layout = new ResultLayout(dir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClaimsReport report = ClaimsFile.write(RunFixtures.PROJECT, layout, summary, List.of(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(ResultSchemas.violations("claims.schema.json", layout.claimsJson())).isEmpty();
        assertThat(ResultsJson.read(layout.claimsJson(), ClaimsReport.class)).isEqualTo(report);

        ClaimVerdict aiohttp = report.claims().stream().filter(c -> c.id().equals("C3/aiohttp-throughput"))
                .findFirst().orElseThrow();
        assertThat(aiohttp.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(aiohttp.trials()).isEqualTo(3);
        // read from the logs: two 1 s intervals at 0.95 and 1.05 times the rate, 2 s of opening warm-up and 1 s of
        // the step's own; each side's interval has a relative variance of 0.005
        Repetitions plan = aiohttp.repetitions();
        assertThat(plan.intervalsPerTrial()).isEqualTo(2.0);
        assertThat(plan.intervalSec()).isEqualTo(1.0);
        assertThat(plan.trialCostSec()).isEqualTo(3.0);
        assertThat(plan.withinTrials()).isCloseTo(0.01, within(1e-4));
        assertThat(plan.trialsNeeded()).isGreaterThanOrEqualTo(2);
        assertThat(plan.sentence()).contains(" would narrow this interval to ±5% (now ±")
                .contains(" from 3 trials of 2 s); ");
        assertThat(report.claims()).filteredOn(c -> c.id().equals("C26/throughput-cv")).singleElement()
                .satisfies(c -> assertThat(c.repetitions().sentence()).startsWith("no allocation: a cv claim"));
        // at a step this run did not measure: no data, and said why
        assertThat(report.claims()).filteredOn(c -> c.id().equals("C3/aiohttp-p99")).singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(ClaimVerdict.NO_DATA))
                .satisfies(c -> assertThat(c.reason()).isEqualTo("this run's full profile has no step "
                        + "hello-open-4000rps"));
        assertThat(report.claims()).allMatch(c -> c.workload().equals("http-hello"));

        String table = ClaimsTable.render(report);
        assertThat(table).containsPattern("C3/aiohttp-throughput +supported +better >= 1\\.10x +2\\.00x +"
                + "\\[1\\.9\\d, 2\\.0\\d\\] +3 +better by at least 1\\.10x: interval above 1\\.10")
                .contains("C26/throughput-cv").contains("95% CI")
                .contains("AS, Conclusion: \u201cMigrating to AsyncIO can significantly improve");
    }

    /** A step's log (1 s of warm-up, two measured seconds at 0.95 and 1.05 times the rate) and its trial's warm-up. */
    private static void writeHlogs(Path step, double rate) throws IOException {
        Files.createDirectories(step.getParent());
        writeHlog(step, new String[] {"warmup.corrected", "measure.corrected", "measure.corrected"},
                new double[] {rate, 0.95 * rate, 1.05 * rate});
        writeHlog(step.resolveSibling("warmup.hlog"), new String[] {"warmup.corrected", "warmup.corrected"},
                new double[] {rate, rate});
    }

    private static void writeHlog(Path file, String[] tags, double[] perSec) throws IOException {
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputStartTime(1_000_000);
            w.outputLegend();
            for (int i = 0; i < tags.length; i++) {
                Histogram h = new Histogram(3);
                h.setTag(tags[i]);
                h.recordValueWithCount(Math.round(1e9 / perSec[i]), Math.round(perSec[i]));
                w.outputIntervalHistogram(1000 + i, 1001 + i, h);
            }
        }
    }
}
