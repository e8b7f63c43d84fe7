package org.pairbench.core.interference;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pairbench.core.result.Interference;

/**
 * Turns two readings of {@code /proc/stat} (at the start and the end of a step's measured period) and the CPU time
 * the run's own processes spent in between into {@link Interference}: per side (the generator's CPUs, the
 * target's CPUs), busy time minus the own processes' time is what something else ran there. Stateless.
 *
 * <p>Method. Busy is the window's length on each CPU of the side minus its idle, iowait and steal time (see
 * {@link #busyMs}: the tick-charged user and system counters alias with periodic load). The harness's JVM is pinned to the generator's CPUs and the target (and the
 * workload's database) to the target's, so each process's CPU time is apportioned wholly to its side. When the two
 * sides share a CPU (unpinned, or overlapping lists) they cannot be told apart: both "other" figures are then the
 * busy time of the union minus every own process. Steal is summed over the union.
 *
 * <p>Error. The kernel keeps per-CPU time in nanoseconds but prints it truncated to clock ticks (USER_HZ, usually
 * 100/s, so 10 ms), so a difference of two readings is off by less than one tick per field: up to 3 ticks per CPU
 * for busy, 1 for steal. A process's utime and stime are truncated the same way: up to 2 ticks per process read
 * from {@code /proc/PID/stat} (the target's tree; the JVM's own figure is exact). {@code resolutionMs} is the larger
 * of the two sides' bounds, counting one target process: a tree of several adds 2 ticks per further process. The
 * two edges' readings are taken back to back, well under a millisecond apart, and the kernel's tick-based charging
 * (without full dynticks accounting) charges a whole tick to whatever ran at it, which averages out over a step's
 * thousands of ticks but is not bounded per step.
 */
public final class InterferenceArithmetic {
    /** Fields per CPU whose truncation adds up in a difference: idle, iowait and steal. */
    static final int BUSY_FIELDS = 3;
    /** utime and stime of each process read in ticks. */
    static final int PROCESS_FIELDS = 2;

    private InterferenceArithmetic() {
    }

    /**
     * @param start          {@code /proc/stat} at the window's start, by CPU
     * @param end            the same at its end
     * @param generatorCpus  the generator's CPUs, empty when not pinned (every CPU)
     * @param targetCpus     the target's CPUs, empty when not pinned (every CPU)
     * @param harnessCpuNs   the harness JVM's CPU time over the window
     * @param targetCpuNs    the target's (and its database's) CPU time over the window
     * @param windowNs       length of the window
     * @param ticksPerSecond the kernel's USER_HZ
     * @return the figures, judged against {@link InterferenceBound}; null when a CPU of either side is missing from
     *         a reading (or there was none: not Linux)
     */
    public static Interference measure(Map<Integer, CpuJiffies> start, Map<Integer, CpuJiffies> end,
                                       List<Integer> generatorCpus, List<Integer> targetCpus, long harnessCpuNs,
                                       long targetCpuNs, long windowNs, long ticksPerSecond) {
        List<Integer> gen = generatorCpus.isEmpty() ? List.copyOf(end.keySet()) : generatorCpus;
        List<Integer> tgt = targetCpus.isEmpty() ? List.copyOf(end.keySet()) : targetCpus;
        TreeSet<Integer> union = new TreeSet<>(gen);
        union.addAll(tgt);
        if (union.isEmpty() || !start.keySet().containsAll(union) || !end.keySet().containsAll(union)) {
            return null;
        }
        double tickMs = 1000.0 / ticksPerSecond;
        double harnessMs = harnessCpuNs / 1e6;
        double targetMs = targetCpuNs / 1e6;
        boolean shared = gen.stream().anyMatch(tgt::contains);
        double windowMs = windowNs / 1e6;
        double genBusyMs = busyMs(start, end, gen, windowMs, tickMs);
        double tgtBusyMs = busyMs(start, end, tgt, windowMs, tickMs);
        double genOtherMs;
        double tgtOtherMs;
        double resolutionMs;
        if (shared) {
            double unionOtherMs = busyMs(start, end, union, windowMs, tickMs) - harnessMs - targetMs;
            genOtherMs = unionOtherMs;
            tgtOtherMs = unionOtherMs;
            resolutionMs = (BUSY_FIELDS * union.size() + PROCESS_FIELDS) * tickMs;
        } else {
            genOtherMs = genBusyMs - harnessMs;
            tgtOtherMs = tgtBusyMs - targetMs;
            resolutionMs = Math.max(BUSY_FIELDS * gen.size(), BUSY_FIELDS * tgt.size() + PROCESS_FIELDS) * tickMs;
        }
        long steal = 0;
        for (int cpu : union) {
            steal += end.get(cpu).steal() - start.get(cpu).steal();
        }
        String reason = InterferenceBound.exceeded(
                new InterferenceBound.Side("generator", genOtherMs, (shared ? union.size() : gen.size()) * windowMs),
                new InterferenceBound.Side("target", tgtOtherMs, (shared ? union.size() : tgt.size()) * windowMs),
                steal * tickMs, union.size() * windowMs, resolutionMs, union.size() * tickMs);
        return new Interference(label(generatorCpus), label(targetCpus), round(windowMs), round(genBusyMs),
                round(harnessMs), round(genOtherMs), round(tgtBusyMs), round(targetMs), round(tgtOtherMs),
                round(steal * tickMs), round(resolutionMs), reason != null, reason, null, null);
    }

    /**
     * Busy time summed over {@code cpus}: each CPU's share of the window that was neither idle (idle + iowait) nor
     * stolen. Not the sum of the user, system, irq and softirq counters: those are charged a tick at a time to
     * whatever runs when the tick fires, and a load as periodic as an open-loop step (1000 requests a second
     * against a tick of 1 to 4 ms) aliases with the tick, so on a quiet machine they over- or under-counted a 2 s
     * window's busy time by up to 1.2 s. The kernel keeps idle time exactly when idle ticks are stopped (NO_HZ,
     * {@code get_cpu_idle_time_us}), and the processes' own times are exact too ({@code sum_exec_runtime}), so
     * the difference is exact up to the printed resolution.
     */
    static double busyMs(Map<Integer, CpuJiffies> start, Map<Integer, CpuJiffies> end, Iterable<Integer> cpus,
                         double windowMs, double tickMs) {
        double busy = 0;
        for (int cpu : cpus) {
            long notRunning = (end.get(cpu).idle() - start.get(cpu).idle())
                    + (end.get(cpu).steal() - start.get(cpu).steal());
            busy += Math.max(0, windowMs - notRunning * tickMs);
        }
        return busy;
    }

    private static String label(List<Integer> cpus) {
        return cpus.isEmpty() ? "all" : cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
