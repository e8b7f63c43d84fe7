package org.pairbench.targets.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Which process a pid is now, from {@code /proc/PID/stat}: its start time (field 22, clock ticks since boot),
 * which tells a process from a later one that reuses its pid, and whether it still runs (state {@code Z}, a
 * zombie no parent reaps, or {@code X}, counts as gone: it holds no port, CPU or memory); and the CPU time of a
 * process tree other packages need (the database's). Stateless; any thread.
 */
public final class ProcStat {
    /** The {@code resourceSource()} of a local process, whose figures come from {@code /proc}. */
    public static final String SOURCE = ProcFs.SOURCE;

    private ProcStat() {
    }

    /** The start time of {@code pid} if it is a running (not zombie) process, else empty. */
    public static OptionalLong startOfRunning(long pid) {
        return startOfRunning(Path.of("/proc"), pid);
    }

    static OptionalLong startOfRunning(Path proc, long pid) {
        String stat;
        try {
            stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        // the command name (field 2) is in parentheses and may hold spaces or ')': fields restart after the last
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] f = stat.substring(close + 1).trim().split(" +");
        // f[0] is field 3 (state), so field N is f[N - 3]
        if (f.length < 20 || f[0].equals("Z") || f[0].equals("X") || f[0].equals("x")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(f[22 - 3]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The kernel's USER_HZ ({@code getconf CLK_TCK}, 100 when unknown): the tick of every {@code /proc} time. */
    public static long clockTicksPerSecond() {
        return ProcFs.clockTicksPerSecond();
    }

    /** Cumulative user + system CPU time of {@code root} and its descendants, from {@code /proc}. */
    public static long treeCpuNanos(ProcessHandle root) {
        return ProcFs.system().sample(root).cpuNanos();
    }

    /**
     * The CPU time of this JVM's children that have exited and been waited for, their own reaped descendants
     * included (cutime + cstime of {@code /proc/self/stat}); -1 when unreadable. A program the JVM started and
     * reaped shows its whole tree's CPU here, after the point where its own {@code /proc} entry is gone.
     */
    public static long reapedChildrenCpuNanos() {
        return ProcFs.system().reapedChildrenCpuNanos();
    }

    /** Whether {@code pid} runs and is the process that started at {@code startTicks}. */
    public static boolean isRunning(long pid, long startTicks) {
        OptionalLong start = startOfRunning(pid);
        return start.isPresent() && start.getAsLong() == startTicks;
    }
}
