package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;

/**
 * A real {@code ./pairbench run} whose results directory is on a small tmpfs that the test fills once the first
 * step is written: the run must fail with a message naming the file it could not write, and every file it did
 * write must be whole (JSON that parses, interval logs read to the end), with no temporary file left. Mounting
 * needs root (CI runs as root); elsewhere the test is skipped and says why.
 */
class FullDiskIT {
    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheRunNamingTheFileAndLeavesEveryOtherFileWhole() throws Exception {
        assumeTrue(isRoot(), "mounting a tmpfs needs root (CI runs as root)");
        Path mount = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()) == 0,
                "cannot mount a tmpfs here");
        try {
            Path out = mount.resolve("run");
            ResultLayout layout = new ResultLayout(out);
            ProcessBuilder pb = new ProcessBuilder(RunFixtures.PROJECT.resolve("pairbench").toString(), "run",
                    "--suite", "smoke", "--workload", RunFixtures.fixture("slow"), "--out", out.toString(),
                    "--generator-cpus", "none", "--target-cpus", "none", "--no-report")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
            pb.environment().put("PAIRBENCH_RUN_RECORDS", dir.resolve("records").toString());
            pb.environment().put("PAIRBENCH_JAVA_OPTS", "-Xmx256m");
            Process cli = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (RunFixtures.stepsWritten(layout) < 1 && System.nanoTime() < deadline && cli.isAlive()) {
                    Thread.sleep(50);
                }
                assertThat(RunFixtures.stepsWritten(layout)).as(Files.readString(dir.resolve("cli.log")))
                        .isPositive();
                fill(mount.resolve("filler"));
                assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
            } finally {
                cli.destroyForcibly();
            }
            String log = Files.readString(dir.resolve("cli.log"));
            assertThat(cli.exitValue()).as(log).isEqualTo(1);
            assertThat(log).containsPattern("pairbench: could not write " + out + "/\\S+: No space left on device")
                    .doesNotContain("\tat org.pairbench"); // one line, no stack trace

            // every file the run wrote is whole
            assertThat(ResultsJson.read(layout.runJson(), RunMetadata.class).runId()).isEqualTo("run");
            RunSummary summary = ResultsJson.read(layout.summaryJson(), RunSummary.class);
            List<StepResult> steps = summary.workloads().get(0).steps();
            assertThat(steps).isNotEmpty();
            for (StepResult s : steps) {
                assertThat(intervals(layout.resolve(s.hlog()))).as(s.hlog()).isPositive();
            }
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.map(Path::toString)).as("temporary files left")
                        .noneMatch(f -> f.endsWith(".tmp") || f.endsWith(".partial"));
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /** Writes zeros until the file system is full. */
    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(block);
            }
        } catch (IOException full) {
            // No space left on device: what the test wants
        }
    }

    private static int intervals(Path hlog) throws IOException {
        int n = 0;
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            while (reader.nextIntervalHistogram() != null) {
                n++;
            }
        }
        return n;
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
