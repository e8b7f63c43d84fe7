package org.pairbench.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.targets.local.ProcStat;

/** Runs a suite in-process for integration tests, capturing what the run prints. */
public final class RunFixtures {
    public static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    static final Path FIXTURES = PROJECT.resolve("harness/cli/src/test/resources/fixtures");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunSummary summary;
    /** The run's own record directory (beside its results), kept when the run ends. */
    Path records;

    /**
     * Runs {@code suite}, optionally only the given workloads (names or fixture files), unpinned, with its run
     * record kept in {@link #records} for {@link #startedProcesses()}. Disturbed steps are not retried: these tests
     * count requests per step, and other builds on the machine would disturb most.
     */
    RunFixtures run(Path outDir, String suite, List<String> workloads, boolean report) throws Exception {
        return run(new RunOptions(PROJECT, suite, workloads, outDir, "local", 0, 1, "", "", Duration.ofMillis(50),
                Duration.ofNanos(LoadDriver.DEFAULT_SPIN_LEAD_NS), report, List.of("run", "--suite", suite),
                List.of(), null, false));
    }

    /** Runs with the given options, the output and the run record kept. */
    RunFixtures run(RunOptions options) throws Exception {
        records = options.outDir().resolveSibling(options.outDir().getFileName() + "-records");
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            summary = Runs.run(options, o, e, records, true);
        }
        return this;
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** Steps of the first workload in summary.json so far; 0 before the file or its first workload exist. */
    static int stepsWritten(ResultLayout layout) {
        try {
            RunSummary s = ResultsJson.read(layout.summaryJson(), RunSummary.class);
            return s.workloads().isEmpty() ? 0 : s.workloads().get(0).steps().size();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * pid and start time of every process the run records in {@code records} list as started and not ended: the
     * run's own processes, never found by name.
     */
    static List<long[]> recordedProcesses(Path records) throws IOException {
        return processes(records, true);
    }

    /**
     * pid and start time of every process the run started, as its own record lists them (ended or not): what
     * "nothing left running" is checked against, never a search of the machine's processes by name.
     */
    List<long[]> startedProcesses() throws IOException {
        return processes(records, false);
    }

    private static List<long[]> processes(Path records, boolean dropEnded) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (var files = Files.list(records)) {
            for (Path record : files.toList()) {
                for (String line : Files.readAllLines(record)) {
                    String[] f = line.split(" ");
                    if (f[0].equals("process") && f.length >= 3) {
                        out.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    } else if (dropEnded && f[0].equals("ended") && f.length >= 2) {
                        out.removeIf(p -> p[0] == Long.parseLong(f[1]));
                    }
                }
            }
        }
        return out;
    }

    List<Long> startedProcessPids() throws IOException {
        return startedProcesses().stream().map(p -> p[0]).toList();
    }

    /** The processes of {@link #startedProcesses()} that still run (same pid and start time). */
    List<Long> stillRunning() throws IOException {
        return startedProcesses().stream().filter(p -> ProcStat.isRunning(p[0], p[1])).map(p -> p[0]).toList();
    }

    static String fixture(String name) {
        return FIXTURES.resolve(name + ".yaml").toString();
    }
}
