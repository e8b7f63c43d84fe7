package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.targets.local.ProcStat;

/**
 * Ctrl-C in the middle of a run: the CLI runs in its own JVM, gets SIGINT once a few steps are written, and must
 * stop its target, exit with 130, and leave summary.json (status interrupted) and the .hlog files readable.
 */
class InterruptIT {
    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTargetsAndLeavesReadableResults() throws Exception {
        Path out = dir.resolve("interrupted");
        ResultLayout layout = new ResultLayout(out);
        ProcessBuilder pb = new ProcessBuilder(CtrlCable.command(List.of(javaBin(), "-cp",
                System.getProperty("java.class.path"), "-Dpairbench.home=" + RunFixtures.PROJECT,
                "org.pairbench.cli.PairbenchCommand", "run", "--suite", "smoke", "--workload",
                RunFixtures.fixture("slow"), "--out", out.toString(), "--generator-cpus", "none", "--target-cpus",
                "none")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
        pb.environment().put("PAIRBENCH_RUN_RECORDS", dir.resolve("records").toString());
        Process cli = pb.start();
        List<long[]> targets;
        try {
            // wait until two steps are in summary.json, then press Ctrl-C
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (RunFixtures.stepsWritten(layout) < 2 && System.nanoTime() < deadline && cli.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(RunFixtures.stepsWritten(layout)).as(Files.readString(dir.resolve("cli.log"))).isGreaterThanOrEqualTo(2);
            targets = RunFixtures.recordedProcesses(dir.resolve("records")); // the run's own pids, as it wrote them
            assertThat(targets).isNotEmpty();
            new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start().waitFor();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            cli.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("cli.log"));
        assertThat(cli.exitValue()).as(log).isEqualTo(130);
        assertThat(log).contains("Interrupted: stopping targets");

        RunSummary summary = ResultsJson.read(layout.summaryJson(), RunSummary.class);
        assertThat(summary.status()).isEqualTo(RunSummary.INTERRUPTED);
        List<StepResult> steps = summary.workloads().get(0).steps();
        assertThat(steps.size()).isBetween(2, 9);
        for (StepResult s : steps) {
            try (HistogramLogReader reader = new HistogramLogReader(layout.resolve(s.hlog()).toFile())) {
                int intervals = 0;
                while (reader.nextIntervalHistogram() != null) {
                    intervals++;
                }
                assertThat(intervals).as(s.hlog()).isPositive();
            }
        }
        for (long[] t : targets) {
            assertThat(ProcStat.isRunning(t[0], t[1])).as("target pid " + t[0] + " still runs").isFalse();
        }
        try (var records = Files.list(dir.resolve("records"))) {
            assertThat(records.toList()).as("the record of a run that ended on Ctrl-C").isEmpty();
        }
    }


    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
