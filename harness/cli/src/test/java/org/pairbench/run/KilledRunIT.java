package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.targets.local.ProcStat;

/**
 * {@code kill -9} of a real {@code ./pairbench run} once its first step is written: no shutdown hook runs, yet its
 * target ends with it (parent-death signal), and the next run removes what the killed one still left (here a
 * process planted in its record, standing for one that escaped the signal), says so, and marks the killed run's
 * summary.json abandoned. Every process is identified by the pids the killed run recorded, never by name.
 */
class KilledRunIT {
    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesNothingRunningAndTheNextRunSaysWhatItRemoved() throws Exception {
        Path records = dir.resolve("records");
        Path killedOut = dir.resolve("killed");
        ResultLayout killed = new ResultLayout(killedOut);
        Process a = pairbench(records, killedOut, "slow", dir.resolve("a.log"));
        Path record;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (RunFixtures.stepsWritten(killed) < 1 && System.nanoTime() < deadline && a.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(RunFixtures.stepsWritten(killed)).as(Files.readString(dir.resolve("a.log"))).isPositive();
            record = onlyRecord(records);
            new ProcessBuilder("kill", "-KILL", Long.toString(a.pid())).start().waitFor();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            a.destroyForcibly();
        }
        assertThat(a.exitValue()).isEqualTo(128 + 9);

        // the target the killed run was measuring ended with it
        List<long[]> targets = RunFixtures.recordedProcesses(records);
        assertThat(targets).as(Files.readString(record)).isNotEmpty();
        for (long[] t : targets) {
            assertThat(awaitGone(t[0], t[1])).as("target pid " + t[0] + " outlived the killed harness").isTrue();
        }
        assertThat(ResultsJson.read(killed.summaryJson(), RunSummary.class).status()).isEqualTo(RunSummary.RUNNING);

        // a process that escaped the signal (a target's own child, say): the next run must stop it
        Process stray = new ProcessBuilder("sleep", "600").start();
        try {
            long strayStart = ProcStat.startOfRunning(stray.pid()).orElseThrow();
            Files.writeString(record, "process " + stray.pid() + " " + strayStart + " planted-stray\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            Path nextOut = dir.resolve("next");
            Process b = pairbench(records, nextOut, "brief", dir.resolve("b.log"));
            assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(dir.resolve("b.log"));
            assertThat(b.exitValue()).as(log).isZero();
            assertThat(log).contains("An earlier run did not finish (results " + killedOut)
                    .contains("stopped pid " + stray.pid() + " (planted-stray)")
                    .contains("its summary.json now says abandoned");
            assertThat(ProcStat.isRunning(stray.pid(), strayStart)).isFalse();
        } finally {
            stray.destroyForcibly();
        }
        RunSummary abandoned = ResultsJson.read(killed.summaryJson(), RunSummary.class);
        assertThat(abandoned.status()).isEqualTo(RunSummary.ABANDONED);
        assertThat(abandoned.workloads().get(0).steps()).isNotEmpty(); // what was measured is kept
        assertThat(ResultSchemas.violations("summary.schema.json", killed.summaryJson())).isEmpty();
        try (var left = Files.list(records)) {
            assertThat(left.toList()).as("records of ended runs").isEmpty();
        }
    }

    /** {@code ./pairbench run} of one fixture, unpinned, with its run records in {@code records}. */
    private static Process pairbench(Path records, Path out, String fixture, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(RunFixtures.PROJECT.resolve("pairbench").toString(), "run",
                "--suite", "smoke", "--workload", RunFixtures.fixture(fixture), "--out", out.toString(),
                "--generator-cpus", "none", "--target-cpus", "none", "--no-report")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PAIRBENCH_RUN_RECORDS", records.toString());
        pb.environment().put("PAIRBENCH_JAVA_OPTS", "-Xmx256m");
        return pb.start();
    }

    private static Path onlyRecord(Path records) throws Exception {
        try (var files = Files.list(records)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** Waits for the kernel to deliver the signal (it is sent at the harness's death, delivered soon after). */
    private static boolean awaitGone(long pid, long start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcStat.isRunning(pid, start) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !ProcStat.isRunning(pid, start);
    }

}
