package org.pairbench.targets.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.pairbench.targets.ResourceSample;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * Resource figures of a process tree from {@code /proc}: cumulative CPU time and resident memory ({@code VmRSS}
 * of {@code /proc/PID/status}), summed over the process and its descendants. A process's CPU time is its own
 * (utime + stime, fields 14 and 15 of {@code /proc/PID/stat}) plus that of the children it has reaped (cutime +
 * cstime, fields 16 and 17): a server that forks a short-lived child per session, as PostgreSQL does for each
 * connection, would otherwise lose every child's CPU the moment it exits (db-pool's per-call pool opened and
 * closed sessions so fast that 55-60% of the target's CPU read as other work). A child reaped before a window
 * began counts at both of its edges and cancels out. A process that exits between listing and reading counts as
 * 0: sampling never fails because a worker came and went. Immutable; any thread.
 */
final class ProcFs {
    static final String SOURCE = "/proc";
    private static final long DEFAULT_CLOCK_TICKS = 100;

    private final Path procRoot;
    private final long clockTicksPerSecond;

    ProcFs(Path procRoot, long clockTicksPerSecond) {
        this.procRoot = procRoot;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** {@code /proc} with the kernel's real tick rate. */
    static ProcFs system() {
        return new ProcFs(Path.of(SOURCE), ClockTicks.VALUE);
    }

    ResourceSample sample(ProcessHandle root) {
        List<Long> pids = processTree(root);
        long ticks = 0;
        long rssKb = 0;
        for (long pid : pids) {
            ticks += read(pid, "stat", ProcFs::cpuTicksWithReapedChildren);
            rssKb += read(pid, "status", ProcFs::vmRssKb);
        }
        return new ResourceSample(ticksToNanos(ticks), rssKb * 1024);
    }

    /**
     * The process and its descendants. Read from {@code /proc/PID/task/TID/children}, which lists only this
     * tree: {@link ProcessHandle#descendants()} scans every process of the machine, milliseconds of CPU on the
     * generator's core every second. Falls back to it where the kernel has no children files.
     */
    List<Long> processTree(ProcessHandle root) {
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        try {
            for (int i = 0; i < pids.size(); i++) {
                try (var tasks = Files.list(procRoot.resolve(Long.toString(pids.get(i))).resolve("task"))) {
                    for (Path task : (Iterable<Path>) tasks::iterator) {
                        for (String child : readChildren(task)) {
                            pids.add(Long.parseLong(child));
                        }
                    }
                }
            }
            return pids;
        } catch (NoSuchFileException e) {
            if (e.getFile() == null || !e.getFile().endsWith("children")) {
                return pids; // a process of the tree exited while we read: what was read is the tree now
            }
            return descendants(root); // a kernel without children files
        } catch (IOException | RuntimeException e) {
            return descendants(root);
        }
    }

    private static List<Long> descendants(ProcessHandle root) {
        List<Long> all = new ArrayList<>();
        all.add(root.pid());
        root.descendants().forEach(h -> all.add(h.pid()));
        return all;
    }

    private static String[] readChildren(Path task) throws IOException {
        String text = Files.readString(task.resolve("children"), StandardCharsets.US_ASCII).strip();
        return text.isEmpty() ? new String[0] : text.split("\\s+");
    }

    /** The kernel's USER_HZ, the unit of {@code /proc/stat} and {@code /proc/PID/stat} times. */
    static long clockTicksPerSecond() {
        return ClockTicks.VALUE;
    }

    long ticksToNanos(long ticks) {
        return ticks * 1_000_000_000L / clockTicksPerSecond;
    }

    /**
     * utime + stime in clock ticks from a {@code /proc/PID/stat} line. The second field, the command name in
     * parentheses, may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    static long cpuTicks(String stat) {
        String[] fields = fieldsFromState(stat);
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** utime + stime + cutime + cstime: the process's own CPU and that of the children it has reaped. */
    static long cpuTicksWithReapedChildren(String stat) {
        return cpuTicks(stat) + reapedChildrenCpuTicks(stat);
    }

    /** The fields of a {@code /proc/PID/stat} line after the command name: field N is index N - 3. */
    private static String[] fieldsFromState(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        return stat.substring(close + 1).strip().split("\\s+");
    }

    /**
     * cutime + cstime in clock ticks from a {@code /proc/PID/stat} line: the CPU time of the process's children
     * that have exited and been waited for (each with its own reaped children), fields 16 and 17.
     */
    static long reapedChildrenCpuTicks(String stat) {
        String[] fields = fieldsFromState(stat);
        return Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
    }

    /** cutime + cstime of this JVM, or -1 when {@code /proc/self/stat} cannot be read. */
    long reapedChildrenCpuNanos() {
        try {
            String stat = Files.readString(procRoot.resolve("self").resolve("stat"), StandardCharsets.US_ASCII);
            return ticksToNanos(reapedChildrenCpuTicks(stat));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS in kB from {@code /proc/PID/status}; 0 when absent (zombies and kernel threads have none). */
    static long vmRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return 0;
    }

    private long read(long pid, String file, ToLongFunction<String> parse) {
        try {
            Path path = procRoot.resolve(Long.toString(pid)).resolve(file);
            return parse.applyAsLong(new String(Files.readAllBytes(path), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException vanished) {
            // the process exited between listing and reading (or left a truncated file): it counts as 0
            return 0;
        }
    }

    /** The kernel's USER_HZ from {@code getconf CLK_TCK}, read once; 100 (Linux's usual value) when unknown. */
    private static final class ClockTicks {
        static final long VALUE = read();

        private static long read() {
            try {
                ToolCommand.Result r = ToolCommand.run(List.of("getconf", "CLK_TCK"), Duration.ofSeconds(10));
                long v = Long.parseLong(r.stdout().strip());
                return v > 0 ? v : DEFAULT_CLOCK_TICKS;
            } catch (TargetException | NumberFormatException e) {
                return DEFAULT_CLOCK_TICKS;
            }
        }
    }
}
