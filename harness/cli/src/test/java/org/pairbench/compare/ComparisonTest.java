package org.pairbench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimSource;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;

/** The compare rule and exit codes on constructed results directories. */
class ComparisonTest {
    @TempDir
    Path dir;

    private static StepResult step(String variant, int trial, double throughput, String status) {
        long ok = Math.round(throughput);
        double p = 1e6 / throughput;
        LatencySummary lat = new LatencySummary(ok, p, p, p, p, p, p);
        return new StepResult(variant, trial, "s-closed-4c", "closed", "hello", 4, null, throughput, 1.0,
                new OutcomeCounts(ok, 0, 0, 0, 0, 0), lat, lat, lat, new GeneratorHealth(0.1, 1, 2, true, null),
                null, "h.hlog", status, StepResult.OK.equals(status) ? null : "target died");
    }

    /** A results directory with variant v measured at the given throughputs (one per trial). */
    private ComparedRun run(String name, String runtime, String pkgVersion, String rate, double... throughput)
            throws Exception {
        return run(name, "w", runtime, pkgVersion, rate, throughput);
    }

    /** As above, with the workload named {@code workload}. */
    private ComparedRun run(String name, String workload, String runtime, String pkgVersion, String rate,
                            double... throughput) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < throughput.length; i++) {
            steps.add(step("v", i + 1, Math.abs(throughput[i]), throughput[i] < 0 ? StepResult.FAILED
                    : StepResult.OK));
        }
        WorkloadResult w = new WorkloadResult(workload, "d", List.of(), "p", List.of(),
                new ParityResult(ParityResult.PASSED, List.of(), null), steps, List.of());
        RunSummary summary = new RunSummary(RunSummary.SCHEMA, name, RunSummary.COMPLETE, "a", "b", "s", runtime,
                List.of(w));
        JsonNode def = ResultsJson.mapper().readTree("{\"name\": \"" + workload + "\", \"file\": \"/x/" + name + ".yaml\", "
                + "\"profile\": {\"name\": \"p\", \"trials\": 3, \"steps\": [{\"id\": \"s\", \"rate\": \"" + rate
                + "\"}]}}");
        RunMetadata meta = new RunMetadata(RunMetadata.SCHEMA, name, "a", List.of(), "s", "p", runtime,
                new RunMetadata.GitInfo("abc", false), null,
                new RunMetadata.PythonInfo("python3", "3.11", "l", "h", Map.of("aiohttp", pkgVersion)), null,
                List.of(def));
        ResultLayout layout = new ResultLayout(dir.resolve(name));
        ResultsJson.write(layout.runJson(), meta);
        ResultsJson.write(layout.summaryJson(), summary);
        return ComparedRun.read(layout.dir());
    }

    @Test
    void theSameFiguresPass() throws Exception {
        Comparison c = Comparison.of(run("a", "local", "3.9", "1/s", 100, 101, 99),
                run("b", "local", "3.9", "1/s", 100, 101, 99), 10);
        assertThat(c.exitCode()).isEqualTo(Comparison.OK);
        assertThat(c.changes()).isNotEmpty().allMatch(m -> m.status().equals(MetricChange.UNCHANGED));
        assertThat(CompareMarkdown.render(c)).contains("**OK**").contains("Nothing moved");
    }

    @Test
    void worseBeyondTheThresholdAndSignificantIsARegression() throws Exception {
        Comparison c = Comparison.of(run("a", "local", "3.9", "1/s", 100, 101, 99),
                run("b", "local", "3.9", "1/s", 50, 51, 49), 10);
        assertThat(c.exitCode()).isEqualTo(Comparison.REGRESSION);
        MetricChange t = c.changes().stream().filter(m -> m.metric().equals("throughput")).findFirst().orElseThrow();
        assertThat(t.status()).isEqualTo(MetricChange.REGRESSED);
        assertThat(t.worsePct()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(t.pHolm()).isLessThan(RegressionRule.FAMILY_ALPHA);
        assertThat(t.worseLowPct()).isPositive();
        assertThat(CompareMarkdown.render(c)).contains("**REGRESSION**")
                .contains("| w | v | s-closed-4c | throughput | 100 req/s (99.0-101, 3t) | 50.0 req/s (49.0-51.0, 3t)");
    }

    @Test
    void aChangeInsideTheSpreadOrUnderTheThresholdDoesNotFail() throws Exception {
        Comparison spread = Comparison.of(run("a", "local", "3.9", "1/s", 100, 60, 100),
                run("b", "local", "3.9", "1/s", 70, 65, 80), 10);
        assertThat(spread.changes()).anyMatch(m -> m.status().equals(MetricChange.WITHIN_SPREAD));
        assertThat(spread.exitCode()).isEqualTo(Comparison.OK);
        Comparison small = Comparison.of(run("c", "local", "3.9", "1/s", 100, 101, 99),
                run("d", "local", "3.9", "1/s", 95, 96, 94), 10);
        assertThat(small.exitCode()).isEqualTo(Comparison.OK);
        assertThat(Comparison.of(run("e", "local", "3.9", "1/s", 100, 101, 99),
                run("f", "local", "3.9", "1/s", 95, 96, 94), 2).exitCode()).isEqualTo(Comparison.REGRESSION);
    }

    @Test
    void tooFewValidTrialsAreNotComparedAndSaySo() throws Exception {
        // halved, but one trial against two: a coin toss, not a regression
        Comparison c = Comparison.of(run("a", "local", "3.9", "1/s", 100, 101),
                run("b", "local", "3.9", "1/s", 50), 10);
        assertThat(c.exitCode()).isEqualTo(Comparison.OK);
        assertThat(c.changes()).allMatch(m -> m.status().equals(MetricChange.NOT_COMPARED))
                .allMatch(m -> m.note().contains("2 valid baseline and 1 valid current trial(s); 3 needed"));
        assertThat(CompareMarkdown.render(c)).contains("**OK**").contains("0 of 3 tested");
    }

    @Test
    void aStepThatFailedNowIsARegression() throws Exception {
        Comparison c = Comparison.of(run("a", "local", "3.9", "1/s", 100, 100),
                run("b", "local", "3.9", "1/s", -100, -100), 10);
        assertThat(c.exitCode()).isEqualTo(Comparison.REGRESSION);
        assertThat(c.changes()).anyMatch(m -> m.status().equals(MetricChange.FAILED)
                && m.note().contains("failed (target died)"));
    }

    @Test
    void differentRuntimePackagesOrDefinitionsAreMismatchedNotCompared() throws Exception {
        ComparedRun base = run("a", "local", "3.9", "1/s", 100, 100);
        Comparison runtime = Comparison.of(base, run("b", "docker", "3.9", "1/s", 50, 50), 10);
        assertThat(runtime.exitCode()).isEqualTo(Comparison.MISMATCHED);
        assertThat(runtime.changes()).isEmpty();
        assertThat(runtime.mismatches()).containsExactly("runtime: local vs docker");
        assertThat(CompareMarkdown.render(runtime)).contains("**MISMATCHED**").contains("runtime: local vs docker");
        assertThat(Comparison.of(base, run("c", "local", "3.10", "1/s", 100, 100), 10).mismatches())
                .containsExactly("package versions: aiohttp 3.9 vs 3.10");
        assertThat(Comparison.of(base, run("d", "local", "3.9", "2/s", 100, 100), 10).mismatches())
                .singleElement().asString().startsWith("workload w: definition differs");
    }

    @Test
    void aSubsetOfTheBaselinesWorkloadsIsComparedAndTheRestNoted() throws Exception {
        ComparedRun base = run("a", "local", "3.9", "1/s", 100, 101, 99);
        ComparedRun other = run("b", "other", "local", "3.9", "1/s", 100, 101, 99);
        Comparison disjoint = Comparison.of(base, other, 10);
        assertThat(disjoint.exitCode()).isEqualTo(Comparison.MISMATCHED);
        assertThat(disjoint.mismatches()).singleElement().asString().startsWith("workloads: no workload in common");

        // the baseline holds w and other; the current run only w, slowed: compared, and the rest noted
        ComparedRun both = merged("ab", base, other);
        Comparison subset = Comparison.of(both, run("c", "local", "3.9", "1/s", 50, 51, 49), 10);
        assertThat(subset.mismatches()).isEmpty();
        assertThat(subset.exitCode()).isEqualTo(Comparison.REGRESSION);
        assertThat(subset.changes()).allMatch(c -> c.workload().equals("w"));
        assertThat(RunMatch.notes(subset.baseline(), subset.current()))
                .contains("only in the baseline, not compared: other");
    }

    /** One results directory holding the workloads of both runs. */
    private ComparedRun merged(String name, ComparedRun a, ComparedRun b) throws Exception {
        List<WorkloadResult> ws = new ArrayList<>(a.summary().workloads());
        ws.addAll(b.summary().workloads());
        List<JsonNode> defs = new ArrayList<>(a.run().workloads());
        defs.addAll(b.run().workloads());
        RunSummary s = a.summary();
        RunSummary summary = new RunSummary(s.schema(), name, s.status(), s.startedAt(), s.finishedAt(), s.suite(),
                s.runtime(), ws);
        RunMetadata m = a.run();
        RunMetadata meta = new RunMetadata(m.schema(), name, m.startedAt(), m.commandLine(), m.suite(), m.profile(),
                m.runtime(), m.git(), m.environment(), m.python(), m.containers(), defs, m.pyperfSystem(),
                m.guideSnippets());
        ResultLayout layout = new ResultLayout(dir.resolve(name));
        ResultsJson.write(layout.runJson(), meta);
        ResultsJson.write(layout.summaryJson(), summary);
        return ComparedRun.read(layout.dir());
    }

    @Test
    void bencherMetricFormatHoldsEachStepsMeasuresWithTheirRange() throws Exception {
        ComparedRun r = run("a", "local", "3.9", "1/s", 100, 200);
        JsonNode bmf = BencherMetrics.of(r.summary());
        JsonNode t = bmf.get("w/v/s-closed-4c").get("throughput");
        assertThat(t.get("value").asDouble()).isEqualTo(150.0);
        assertThat(t.get("lower_value").asDouble()).isEqualTo(100.0);
        assertThat(t.get("upper_value").asDouble()).isEqualTo(200.0);
        // latency in nanoseconds: p99 of 1e6/100 us = 10 ms
        assertThat(bmf.get("w/v/s-closed-4c").get("latency").get("upper_value").asDouble()).isEqualTo(1e7);
    }

    private static ClaimsReport claims(String verdict) {
        ClaimVerdict v = new ClaimVerdict("mine/x", "mine", new ClaimSource(null, null, null, "our plan"), "w", "v",
                "u", "throughput", "s-closed-4c", "req/s", "higher-is-better", "mean", "not-worse", null, 0.05,
                ClaimVerdict.RATIO, verdict, "r", 1.0, 0.9, 1.1, 0.95, 3, List.of(1, 2, 3), List.of(), List.of(), null,
                false, null, "#w-w", null);
        return new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(), List.of(v));
    }

    @Test
    void failOnMakesAChosenClaimVerdictFailTheComparison() throws Exception {
        ComparedRun base = run("a", "local", "3.9", "1/s", 100, 101, 99).withClaims(claims(ClaimVerdict.SUPPORTED));
        ComparedRun cur = run("b", "local", "3.9", "1/s", 100, 101, 99).withClaims(claims(ClaimVerdict.REFUTED));
        assertThat(Comparison.of(base, cur, 10).exitCode()).isEqualTo(Comparison.OK);
        Comparison refuted = Comparison.of(base, cur, 10, java.util.Set.of(ClaimVerdict.REFUTED));
        assertThat(refuted.exitCode()).isEqualTo(Comparison.REGRESSION);
        assertThat(CompareMarkdown.render(refuted)).contains("**CLAIMS FAIL**: 1 claim(s)")
                .contains("- mine/x: refuted 1.00x (baseline: supported 1.00x)");
        assertThat(Comparison.of(base, cur, 10, java.util.Set.of(Comparison.CHANGED)).exitCode())
                .isEqualTo(Comparison.REGRESSION);
        assertThat(Comparison.of(base, base, 10, java.util.Set.of(Comparison.CHANGED, ClaimVerdict.REFUTED))
                .exitCode()).isEqualTo(Comparison.OK);
    }
}
