package org.pairbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.compare.ComparedRun;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.spec.SpecException;
import org.pairbench.core.spec.SuiteLoader;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.core.verdict.ClaimsLoader;
import org.pairbench.report.data.HlogFile;
import org.pairbench.report.data.IntervalSink;

/**
 * Fuzzed input: every shipped workload, suite and claims file (whatever {@code workloads/} holds now), and a
 * published run's summary.json and .hlog files, damaged thousands of times by a seeded {@link Mutator}. Each
 * damaged input must end in a valid load or one {@code file[:line]: [field: ]problem} line (a
 * {@link SpecException}), never another exception, a stack trace or a hang; the report's .hlog reader must say what
 * it could not read, never throw. A failure names the seed that makes the input again. No property library: jqwik,
 * the obvious one, runs on JUnit Platform 1 while this build runs JUnit 6.
 */
class FuzzedInputTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path WORKLOADS = PROJECT.resolve("workloads");
    private static final Path REFERENCE = PROJECT.resolve("results/reference");
    private static final int TRIES_PER_SPEC_FILE = 150;
    private static final int TRIES_PER_RESULT_FILE = 600;
    private static final long SEED = 17;
    private static final long PER_INPUT_TIMEOUT_S = 10;

    @TempDir
    static Path dir;
    static ExecutorService worker;
    static int tried;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
        System.out.println("FuzzedInputTest: " + tried + " damaged inputs tried");
    }

    private interface Load {
        void load(Path file) throws Exception;
    }

    @Test
    void everyShippedSpecFileDamagedLoadsOrSaysFileLineFieldProblem() throws Exception {
        WorkloadCatalog catalog = new WorkloadCatalog(WORKLOADS);
        List<Path> files;
        try (Stream<Path> s = Files.walk(WORKLOADS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        // a workload file names guide snippets, looked up in python-targets/ beside its directory: the copies
        // below sit in dir/spec/, so the snippets go to dir/python-targets/ as in a checkout
        copyTree(PROJECT.resolve("python-targets/guide_snippets"), dir.resolve("python-targets/guide_snippets"));
        List<String> failures = new ArrayList<>();
        for (Path original : files) {
            Path copy = dir.resolve("spec").resolve(WORKLOADS.relativize(original));
            Files.createDirectories(copy.getParent());
            Load load = loaderFor(original, catalog);
            Files.copy(original, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            load.load(copy); // the shipped file itself loads where the test puts it
            fuzz(Files.readAllBytes(original), copy, load, TRIES_PER_SPEC_FILE, failures);
        }
        assertThat(failures).as("inputs that ended otherwise (seed, exception)").isEmpty();
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void aDamagedSummaryReadByReportAndCompareLoadsOrSaysFileLineFieldProblem() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        JsonNode meta = ResultsJson.mapper().readTree(REFERENCE.resolve("run.json").toFile());
        ArrayNode resolved = (ArrayNode) meta.get("workloads");
        while (resolved.size() > 1) { // the workload of the summary below is enough, and reads fast
            resolved.remove(resolved.size() - 1);
        }
        Files.write(run.resolve("run.json"), ResultsJson.mapper().writeValueAsBytes(meta));
        byte[] small = smallSummary();
        List<String> failures = new ArrayList<>();
        fuzz(small, run.resolve("summary.json"), file -> {
            ResultFiles.readSummary(file);     // report and compare's reader
            ComparedRun.read(file.getParent()); // compare's whole load
        }, TRIES_PER_RESULT_FILE, failures);
        assertThat(failures).as("inputs that ended otherwise (seed, exception)").isEmpty();
    }

    @Test
    void aDamagedHlogIsReadAsFarAsItGoesAndItsProblemSaid() throws Exception {
        Path hlog;
        try (Stream<Path> s = Files.walk(REFERENCE.resolve("hlog"))) {
            // the smallest log with measured intervals: every line kind, quick to read a thousand times
            hlog = s.filter(p -> p.toString().endsWith(".hlog") && size(p) > 2_000)
                    .min(java.util.Comparator.comparingLong(FuzzedInputTest::size)).orElseThrow();
        }
        List<String> failures = new ArrayList<>();
        IntervalSink ignore = (tag, startSec, lengthSec, histogram) -> { };
        fuzz(Files.readAllBytes(hlog), dir.resolve("step.hlog"), file -> {
            HlogFile.Result r = HlogFile.read(file, ignore);
            assertThat(r.intervals()).isNotNegative();
        }, TRIES_PER_RESULT_FILE, failures);
        assertThat(failures).as("inputs that ended otherwise (seed, exception)").isEmpty();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Load loaderFor(Path original, WorkloadCatalog catalog) {
        if (original.getFileName().toString().equals(WorkloadCatalog.CLAIMS_FILE)) {
            return file -> ClaimsLoader.load(file, catalog);
        }
        if (original.getParent().getFileName().toString().equals("suites")) {
            return SuiteLoader::load;
        }
        return WorkloadLoader::load;
    }

    /** Writes {@code tries} damaged versions of {@code original} to {@code file} and loads each. */
    private static void fuzz(byte[] original, Path file, Load load, int tries, List<String> failures)
            throws Exception {
        Pattern located = Pattern.compile("\\Q" + file + "\\E(:\\d+)?: [^\\n]+");
        for (int i = 0; i < tries; i++) {
            long seed = SEED * 1_000_003 + i;
            Files.write(file, new Mutator(seed).mutate(original));
            tried++;
            Future<?> attempt = worker.submit(() -> {
                load.load(file);
                return null;
            });
            try {
                attempt.get(PER_INPUT_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (TimeoutException hang) {
                attempt.cancel(true);
                failures.add(file.getFileName() + " seed " + seed + ": no answer within " + PER_INPUT_TIMEOUT_S + "s");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                boolean ok = cause instanceof SpecException && located.matcher(cause.getMessage()).matches();
                if (!ok && failures.size() < 20) {
                    failures.add(file.getFileName() + " seed " + seed + ": " + cause);
                }
            }
        }
    }

    /** The published run's summary.json cut to one workload and a few steps: every field kind, small enough. */
    private static byte[] smallSummary() throws Exception {
        JsonNode root = ResultsJson.mapper().readTree(REFERENCE.resolve("summary.json").toFile());
        ArrayNode workloads = (ArrayNode) root.get("workloads");
        ObjectNode first = (ObjectNode) workloads.get(0);
        ArrayNode steps = (ArrayNode) first.get("steps");
        while (steps.size() > 4) {
            steps.remove(steps.size() - 1);
        }
        while (workloads.size() > 1) {
            workloads.remove(workloads.size() - 1);
        }
        return ResultsJson.mapper().writeValueAsBytes(root);
    }
}
