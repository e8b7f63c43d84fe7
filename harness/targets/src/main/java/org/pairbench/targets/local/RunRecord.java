package org.pairbench.targets.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.pairbench.targets.ProcessRecord;

/**
 * What a run started and must not leave behind, written down as it happens so that the next run can remove it if
 * this one is killed ({@link LeftoverSweep}). One text file per run in {@link #directory(Map)}, named after the
 * harness's pid, appended to line by line:
 * <pre>
 * pairbench-run-record 1
 * owner PID START            the harness process (START: field 22 of /proc/PID/stat)
 * results DIR                the run's results directory (its summary.json is marked abandoned)
 * process PID START LABEL    a process started for the run (a target, the PostgreSQL server)
 * ended PID                  ... and stopped again
 * dir PATH                   a directory made for the run (a PostgreSQL cluster's)
 * removed PATH               ... and deleted again
 * </pre>
 * A process is identified by pid and start time, never by its name, so a later process that reuses the pid is
 * left alone. The file is deleted when the run ends normally; a line cut short by a kill is ignored on reading.
 *
 * <p>Threading: synchronized; the runner's thread records starts, a shutdown hook may record stops.
 */
public final class RunRecord implements ProcessRecord, AutoCloseable {
    static final String HEADER = "pairbench-run-record 1";
    static final String SUFFIX = ".record";
    /** What a kept record is renamed to when its run ends: no sweep reads it, a test can. */
    public static final String CLOSED_SUFFIX = ".record.closed";

    private final Path file; // null: record nothing
    private final Consumer<String> warn;
    private final boolean keep;
    private boolean failed; // guarded by this: warn once

    private RunRecord(Path file, Consumer<String> warn, boolean keep) {
        this.file = file;
        this.warn = warn;
        this.keep = keep;
    }

    /** A record that writes nothing (tools that run no suite, tests). */
    public static RunRecord none() {
        return new RunRecord(null, m -> { }, false);
    }

    /** {@code ${PAIRBENCH_RUN_RECORDS:-CACHE/runs}}, CACHE as the Python environment's cache. */
    public static Path directory(Map<String, String> env) {
        String explicit = env.get("PAIRBENCH_RUN_RECORDS");
        return explicit != null && !explicit.isBlank() ? Path.of(explicit)
                : VenvCacheKey.cacheRoot(env).resolve("runs");
    }

    /**
     * Starts the record of this harness's run that writes to {@code resultsDir}.
     *
     * @param warn told once if the record cannot be written (the run goes on; only the sweep loses track)
     */
    public static RunRecord create(Path dir, Path resultsDir, Consumer<String> warn) throws IOException {
        return create(dir, resultsDir, warn, false);
    }

    /**
     * As {@link #create(Path, Path, Consumer)}; with {@code keepWhenClosed} the record of a run that ended is
     * renamed to {@code *}{@value #CLOSED_SUFFIX} instead of deleted, so that a test can check every process the
     * run started by its own pids once the run is over.
     */
    public static RunRecord create(Path dir, Path resultsDir, Consumer<String> warn, boolean keepWhenClosed)
            throws IOException {
        Files.createDirectories(dir);
        long pid = ProcessHandle.current().pid();
        long start = ProcStat.startOfRunning(pid).orElse(0);
        Path file;
        for (int n = 0; ; n++) { // in-process runs (tests) share the pid: one file each
            file = dir.resolve(pid + (n == 0 ? "" : "-" + n) + SUFFIX);
            try {
                Files.writeString(file, HEADER + "\nowner " + pid + " " + start + "\nresults "
                        + resultsDir.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // a record of this pid: an earlier run of this JVM, or a dead harness's not yet swept
            }
        }
        return new RunRecord(file, warn, keepWhenClosed);
    }

    /** Where this record is written; null for {@link #none()}. */
    public Path file() {
        return file;
    }

    /** A process started for the run: removed by the next run if it outlives this one. */
    @Override
    public void process(long pid, String label) {
        OptionalLong start = ProcStat.startOfRunning(pid);
        if (start.isPresent()) { // one already gone needs no removing
            append("process " + pid + " " + start.getAsLong() + " " + label.replaceAll("\\s+", "_"));
        }
    }

    @Override
    public void ended(long pid) {
        append("ended " + pid);
    }

    /** A directory made for the run: deleted by the next run if this one cannot. */
    @Override
    public void directory(Path dir) {
        append("dir " + dir.toAbsolutePath().normalize());
    }

    @Override
    public void removed(Path dir) {
        append("removed " + dir.toAbsolutePath().normalize());
    }

    private synchronized void append(String line) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                warn.accept("could not write the run record " + file + " (" + e.getMessage() + "): if this run"
                        + " is killed, the next one cannot remove what it leaves");
            }
        }
    }

    /** The run ended normally: everything recorded was stopped or removed, so the record goes. */
    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                if (keep && Files.exists(file)) {
                    Files.move(file, file.resolveSibling(file.getFileName().toString().replace(SUFFIX,
                            CLOSED_SUFFIX)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                warn.accept("could not delete the run record " + file + ": " + e.getMessage());
            }
        }
    }
}
