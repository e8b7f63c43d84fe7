package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.console.SummaryTable;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.Interference;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunInterference;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;

/**
 * A step disturbed by other work on its CPUs: when it is retried, how the retry keeps the first attempt's figures,
 * what summary.json (against its schema), the run's totals and the console table say of it.
 */
class DisturbedStepTest {
    private static final Interference QUIET = new Interference("0", "1", 10_000, 9_000, 8_950, 50, 9_500, 9_480,
            20, 0, 70, false, null, null, null);
    private static final Interference DISTURBED = new Interference("0", "1", 10_000, 9_000, 8_950, 50, 9_900, 5_000,
            4_900, 10, 70, true, "other work on the target's CPUs 49.0% of their time (bound 5%)", null, null);

    @TempDir
    Path dir;

    private static StepResult step(String id, String status, Interference interference) {
        LatencySummary lat = new LatencySummary(100, 1000, 1000, 1000, 1000, 1000, 1000);
        return new StepResult("aiohttp", 1, id, "closed", "hello", 8, null, 1000, 10, new OutcomeCounts(
                10_000, 0, 0, 0, 0, 0), lat, lat, lat, new GeneratorHealth(0.2, 10, 20, true, null), null,
                "x.hlog", status, null).withInterference(interference);
    }

    @Test
    void onlyACompletedDisturbedFirstAttemptIsRetried() {
        assertThat(TrialExecutor.retries(step("a", StepResult.OK, DISTURBED), false)).isTrue();
        assertThat(TrialExecutor.retries(step("a", StepResult.OK, QUIET), false)).isFalse();
        assertThat(TrialExecutor.retries(step("a", StepResult.OK, null), false)).isFalse();
        assertThat(TrialExecutor.retries(step("a", StepResult.FAILED, DISTURBED), false)).isFalse();
        assertThat(TrialExecutor.retries(step("a", StepResult.OK, DISTURBED), true)).isFalse();
    }

    @Test
    void aRetriedStepIsRecordedConformsAndIsSaidInTheTableAndTheTotals() throws Exception {
        StepResult retried = step("retried", StepResult.OK, QUIET.retryOf(DISTURBED));
        StepResult twice = step("twice", StepResult.OK, DISTURBED.retryOf(DISTURBED));
        StepResult quiet = step("quiet", StepResult.OK, QUIET);
        RunSummary summary = new RunSummary(RunSummary.SCHEMA, "r", RunSummary.COMPLETE, "a", "b", "quick", "local",
                List.of(new WorkloadResult("http-hello", "d", List.of(), "quick", List.of(),
                        new ParityResult(ParityResult.SKIPPED, List.of(), null), List.of(retried, twice, quiet),
                        List.of())));
        Path file = dir.resolve("summary.json");
        ResultsJson.write(file, summary);
        assertThat(ResultSchemas.violations("summary.schema.json", file)).isEmpty();
        assertThat(ResultsJson.read(file, RunSummary.class)).isEqualTo(summary);

        RunInterference totals = RunInterference.of(summary);
        assertThat(totals.steps()).isEqualTo(3);
        assertThat(totals.disturbedSteps()).isEqualTo(2);
        assertThat(totals.disturbedAfterRetry()).isEqualTo(1);
        // every attempt: 2 retried steps of 2 attempts and a quiet one
        assertThat(totals.windowMs()).isEqualTo(5 * 10_000.0);
        assertThat(totals.targetCpusOtherMs()).isEqualTo(20 + 4_900 + 4_900 + 4_900 + 20);
        assertThat(totals.stealMs()).isEqualTo(30.0);
        assertThat(totals.maxOtherSharePercent()).isEqualTo(49.0);

        String table = SummaryTable.render(summary);
        assertThat(table.lines().filter(l -> l.contains(" retried ")).findFirst().orElseThrow())
                .endsWith("retried (1st disturbed)");
        assertThat(table.lines().filter(l -> l.contains(" twice ")).findFirst().orElseThrow())
                .endsWith("retried (1st disturbed); DISTURBED");
        assertThat(table.lines().filter(l -> l.contains(" quiet ")).findFirst().orElseThrow()).doesNotContain(
                "DISTURBED", "retried");
        assertThat(table).contains("2 of 3 steps DISTURBED", "1 still disturbed after it", "steal 0.0 s",
                "target's CPUs 14.7 s");
    }

    @Test
    void anInProcessProgramsInterferenceCountsOnceInTheTotalsThoughEachOfItsCasesCarriesIt() throws Exception {
        Interference program = DISTURBED.ofProgram("asyncio t1");
        Interference retried = QUIET.retryOf(DISTURBED).ofProgram("eventlet t1");
        RunSummary summary = new RunSummary(RunSummary.SCHEMA, "r", RunSummary.COMPLETE, "a", "b", "quick", "local",
                List.of(new WorkloadResult("pyperf-spawn", "d", List.of(), "quick", List.of(),
                        new ParityResult(ParityResult.SKIPPED, List.of(), null), List.of(
                        step("spawn", StepResult.OK, program), step("gather", StepResult.OK, program),
                        step("sleep", StepResult.OK, program), step("spawn", StepResult.OK, retried),
                        step("gather", StepResult.OK, retried)), List.of()),
                        // the same label in another workload is another program
                        new WorkloadResult("pyperf-other", "d", List.of(), "quick", List.of(),
                        new ParityResult(ParityResult.SKIPPED, List.of(), null), List.of(
                        step("spawn", StepResult.OK, program), step("quiet", StepResult.OK, QUIET)), List.of())));
        Path file = dir.resolve("summary.json");
        ResultsJson.write(file, summary);
        assertThat(ResultSchemas.violations("summary.schema.json", file)).isEmpty();
        RunSummary read = ResultsJson.read(file, RunSummary.class);
        assertThat(read).isEqualTo(summary);
        // each case keeps the figures, labelled as its program's, the retried program's first attempt included
        assertThat(read.workloads().get(0).steps()).extracting(s -> s.interference().program())
                .containsExactly("asyncio t1", "asyncio t1", "asyncio t1", "eventlet t1", "eventlet t1");
        assertThat(read.workloads().get(0).steps().get(3).interference().firstAttempt().program())
                .isEqualTo("eventlet t1");

        RunInterference totals = RunInterference.of(read);
        // asyncio t1 and eventlet t1 of the first workload, asyncio t1 of the second, and one step on its own
        assertThat(totals.steps()).isEqualTo(4);
        assertThat(totals.disturbedSteps()).isEqualTo(3);
        assertThat(totals.disturbedAfterRetry()).isEqualTo(0);
        // attempts: asyncio t1 (twice, one per workload), eventlet t1's two, the quiet step
        assertThat(totals.windowMs()).isEqualTo(5 * 10_000.0);
        assertThat(totals.targetCpusOtherMs()).isEqualTo(4_900 + 20 + 4_900 + 4_900 + 20);
        assertThat(totals.stealMs()).isEqualTo(30.0);

        // the table says whose figures they are: the program's, on each of its cases
        String table = SummaryTable.render(read);
        assertThat(table.lines().filter(l -> l.contains(" sleep ")).findFirst().orElseThrow())
                .endsWith("program DISTURBED");
        assertThat(table.lines().filter(l -> l.contains(" gather ")).toList()).last().asString()
                .endsWith("program retried (1st disturbed)");
        assertThat(table.lines().filter(l -> l.contains(" quiet ")).findFirst().orElseThrow())
                .doesNotContain("program", "DISTURBED");
    }
}
