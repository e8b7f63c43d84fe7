package org.pairbench.resultfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                        new GeneratorHealth(0.2, 10, 20, true, null), null, "x.hlog", StepResult.OK, null));
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
}
