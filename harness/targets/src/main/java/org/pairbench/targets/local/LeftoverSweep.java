package org.pairbench.targets.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Removes what runs that did not end left behind, from their {@link RunRecord}s: every recorded process that still
 * runs with its recorded start time gets SIGKILL, every recorded directory not marked removed is deleted, and the
 * record goes. A record whose harness still runs (same pid, same start time) belongs to a live run and is left
 * alone, so concurrent runs never touch each other's processes. Containers are the docker runtime's own sweep
 * (by label). Stateless; run before a run starts anything.
 */
public final class LeftoverSweep {
    private static final long KILL_WAIT_MS = 5_000;

    /**
     * What one dead run left.
     *
     * @param resultsDir its results directory (its summary.json may say {@code running} for ever otherwise)
     * @param stopped    the processes killed, as {@code pid (label)}
     * @param removed    the directories deleted
     * @param problems   what could not be removed, one line each
     */
    public record Leftover(Path resultsDir, List<String> stopped, List<Path> removed, List<String> problems) {
        /** One line for the console. */
        public String message() {
            StringBuilder b = new StringBuilder("An earlier run did not finish (results " + resultsDir + ")");
            if (stopped.isEmpty() && removed.isEmpty()) {
                b.append(": nothing of it was left running");
            }
            if (!stopped.isEmpty()) {
                b.append(": stopped ").append(String.join(", ", stopped));
            }
            if (!removed.isEmpty()) {
                b.append(stopped.isEmpty() ? ": " : "; ").append("removed ")
                        .append(String.join(", ", removed.stream().map(Path::toString).toList()));
            }
            problems.forEach(p -> b.append("; ").append(p));
            return b.toString();
        }
    }

    private record Recorded(long pid, long start, String label) {
    }

    private LeftoverSweep() {
    }

    /** Sweeps every record of a dead run in {@code recordsDir} (which may not exist). */
    public static List<Leftover> sweep(Path recordsDir) {
        List<Leftover> out = new ArrayList<>();
        if (!Files.isDirectory(recordsDir)) {
            return out;
        }
        List<Path> records;
        try (Stream<Path> files = Files.list(recordsDir)) {
            records = files.filter(p -> p.getFileName().toString().endsWith(RunRecord.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return out;
        }
        for (Path record : records) {
            sweepOne(record).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Leftover> sweepOne(Path record) {
        List<String> lines;
        try {
            lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // removed by a concurrent sweep, or unreadable: not ours to judge
        }
        if (lines.isEmpty() || !lines.get(0).equals(RunRecord.HEADER)) {
            return Optional.empty();
        }
        Path results = null;
        Map<Long, Recorded> processes = new LinkedHashMap<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ", 4);
            try {
                switch (f[0]) {
                    case "owner" -> {
                        if (ProcStat.isRunning(Long.parseLong(f[1]), Long.parseLong(f[2]))) {
                            return Optional.empty(); // a live run
                        }
                    }
                    case "results" -> results = Path.of(line.substring("results ".length()));
                    case "process" -> processes.put(Long.parseLong(f[1]),
                            new Recorded(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                    case "ended" -> processes.remove(Long.parseLong(f[1]));
                    case "dir" -> dirs.add(Path.of(line.substring("dir ".length())));
                    case "removed" -> dirs.remove(Path.of(line.substring("removed ".length())));
                    default -> { } // a line cut short by the kill
                }
            } catch (RuntimeException cutShort) {
                // the last line of a killed run may be partial: it recorded nothing that completed
            }
        }
        List<String> stopped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        processes.values().forEach(p -> kill(p.pid, p.start, p.label, stopped, problems));
        List<Path> removed = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.exists(dir)) {
                try {
                    deleteTree(dir);
                    removed.add(dir);
                } catch (IOException e) {
                    problems.add("could not delete " + dir + ": " + e.getMessage());
                }
            }
        }
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            problems.add("could not delete the record " + record + ": " + e.getMessage());
        }
        return Optional.of(new Leftover(results, stopped, removed, problems));
    }

    private static void kill(long pid, long start, String label, List<String> stopped, List<String> problems) {
        if (!ProcStat.isRunning(pid, start)) {
            return; // gone, or the pid is another process's now
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MS);
        while (ProcStat.isRunning(pid, start) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (ProcStat.isRunning(pid, start)) {
            problems.add("pid " + pid + " (" + label + ") did not end on SIGKILL");
        } else {
            stopped.add("pid " + pid + " (" + label + ")");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
