package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.Interference;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.targets.local.CpuAffinity;

/**
 * A step beside a CPU burner on the target's core is marked disturbed and retried; the same step alone is not
 * retried unless its own figures say the machine was busy. The burner is started by the test when the stub
 * announces its 160th request (an event, 0.6 s into the measured period) and burns a fixed amount of CPU, read by
 * the burner itself: when it ended before the stub's 880th request, all of it ran inside the first attempt's window
 * and must appear in that attempt's "other work" figure within its resolution. Other builds on the machine only add
 * to that figure, so the assertions hold on a loaded machine.
 */
class InterferenceIT {
    private static final String FIXTURE = "disturbed-stub";
    private static final double BURN_CPU_SEC = 1.0;
    private static final String BURNER = """
            import time
            wall0, cpu0 = time.time(), time.process_time()
            while time.process_time() - cpu0 < %s:
                pass
            print(wall0, time.time(), time.process_time() - cpu0, flush=True)
            """.formatted(BURN_CPU_SEC);

    /** Read before a run pins this JVM to the generator's CPU (after which it sees only that one). */
    private static final boolean CAN_PIN = new CpuAffinity().available() && new CpuAffinity().cpuCount() >= 2;

    @TempDir
    Path dir;

    private static RunOptions pinned(Path out) {
        return new RunOptions(RunFixtures.PROJECT, "smoke", List.of(RunFixtures.fixture(FIXTURE)), out, "local", 0,
                1, "0", "1", Duration.ofMillis(50), Duration.ofNanos(LoadDriver.DEFAULT_SPIN_LEAD_NS), false,
                List.of("run"), List.of(), null, true);
    }

    @Test
    void aBurnerOnTheTargetsCoreDisturbsTheStepAndItIsRetriedOnce() throws Exception {
        assumeThat(CAN_PIN).as("taskset and 2 CPUs").isTrue();
        Path out = dir.resolve("burner");
        Path stubLog = new ResultLayout(out).dir().resolve("logs").resolve(FIXTURE).resolve("stub-t1.log");
        RunFixtures run = new RunFixtures();
        CompletableFuture<RunFixtures> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run(pinned(out));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Process burner = null;
        try {
            while (!running.isDone() && announced(stubLog, 160).isEmpty()) {
                Thread.sleep(10);
            }
            assertThat(running.isDone()).as("the run ended before the stub's 160th request: %s", run.printed())
                    .isFalse();
            burner = new ProcessBuilder("taskset", "-c", "1", "python3", "-c", BURNER).start();
            running.get(120, TimeUnit.SECONDS);
            assertThat(burner.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String[] burned = new String(burner.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                    .split(" ");
            double burnerEndEpochSec = Double.parseDouble(burned[1]);
            double burnerCpuMs = Double.parseDouble(burned[2]) * 1000;

            assertThat(run.summary.status()).as(run.printed()).isEqualTo(RunSummary.COMPLETE);
            List<StepResult> steps = run.summary.workloads().get(0).steps();
            assertThat(steps).hasSize(1); // the retry replaced the first attempt
            Interference retry = steps.get(0).interference();
            assertThat(retry).as(run.printed()).isNotNull();
            Interference first = retry.firstAttempt();
            assertThat(first).as("retried: %s", run.printed()).isNotNull();
            assertThat(first.disturbed()).isTrue();
            assertThat(first.targetCpus()).isEqualTo("1");
            assertThat(first.firstAttempt()).isNull();
            assertThat(run.printed()).contains("DISTURBED: " + first.disturbedReason() + "; retrying it once",
                    "retried (1st disturbed)");
            assertThat(ResultSchemas.violations("summary.schema.json", new ResultLayout(out).summaryJson()))
                    .isEmpty();
            assertThat(ResultSchemas.violations("run.schema.json", new ResultLayout(out).runJson())).isEmpty();
            var totals = ResultsJson.mapper().readTree(new ResultLayout(out).runJson().toFile()).get("interference");
            assertThat(totals.get("disturbedSteps").asInt()).isEqualTo(1);

            System.out.println("burner: " + burnerCpuMs + " ms CPU; first attempt: " + first + "; retry: " + retry);
            double inWindowBy = announced(stubLog, 880).orElseThrow() - burnerEndEpochSec;
            if (inWindowBy > 0) {
                // all the burner's CPU time ran inside the window: it is in the figure, within tick resolution
                assertThat(first.targetCpusOtherMs()).isGreaterThanOrEqualTo(burnerCpuMs - first.resolutionMs());
            }
        } finally {
            if (burner != null) {
                burner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            running.get(120, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSameStepAloneIsRetriedOnlyWhenItsOwnFiguresExceedTheBound() throws Exception {
        assumeThat(CAN_PIN).as("taskset and 2 CPUs").isTrue();
        RunFixtures run = new RunFixtures().run(pinned(dir.resolve("alone")));
        assertThat(run.summary.status()).as(run.printed()).isEqualTo(RunSummary.COMPLETE);
        StepResult step = run.summary.workloads().get(0).steps().get(0);
        Interference i = step.interference();
        assertThat(i).as(run.printed()).isNotNull();
        Interference first = i.firstAttempt() == null ? i : i.firstAttempt();
        System.out.println("alone: " + i);
        // the target's own CPU time is taken off its core's busy time, never counted as other work
        assertThat(first.targetCpuMs()).isPositive();
        assertThat(first.targetCpusOtherMs()).isCloseTo(first.targetCpusBusyMs() - first.targetCpuMs(),
                org.assertj.core.data.Offset.offset(0.2));
        // retried exactly when the first attempt's figures (other builds on this machine) exceeded the bound
        assertThat(i.firstAttempt() != null).as(run.printed()).isEqualTo(first.disturbed());
        assertThat(run.printed().contains("retrying it once")).isEqualTo(first.disturbed());
    }

    /** When the stub announced its {@code n}th request (epoch seconds), if it has. */
    private static Optional<Double> announced(Path log, int n) throws java.io.IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        String prefix = "stub: request " + n + " at ";
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(prefix))
                .map(l -> Double.parseDouble(l.substring(prefix.length()).strip())).findFirst();
    }
}
