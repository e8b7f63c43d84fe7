package org.pairbench.core.interference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cumulative time of one CPU by kind, in clock ticks (USER_HZ), from a {@code cpuN} line of {@code /proc/stat}:
 * {@code user nice system idle iowait irq softirq steal guest guest_nice}. Immutable; any thread.
 *
 * @param cpu     CPU number
 * @param idle    idle + iowait: nothing ran (iowait is idle time with a task waiting on I/O, not work)
 * @param steal   time the hypervisor ran something else while this virtual CPU wanted to run
 */
public record CpuJiffies(int cpu, long idle, long steal) {
    /** Where the kernel keeps the counters. */
    public static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * The per-CPU lines of a {@code /proc/stat} text by CPU number (the aggregate {@code cpu} line is skipped).
     * Fields a kernel does not print (steal before 2.6.11) count as 0.
     *
     * @throws IllegalArgumentException naming the line when a {@code cpuN} line is not a list of counters
     */
    public static Map<Integer, CpuJiffies> parse(String procStat) {
        Map<Integer, CpuJiffies> cpus = new TreeMap<>();
        String[] lines = procStat.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("cpu") || line.length() < 4 || !Character.isDigit(line.charAt(3))) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            try {
                long[] v = new long[8];
                for (int k = 0; k < v.length && k + 1 < f.length; k++) {
                    v[k] = Long.parseLong(f[k + 1]);
                }
                if (f.length < 5) {
                    throw new NumberFormatException("fewer than 4 counters");
                }
                int cpu = Integer.parseInt(f[0].substring(3));
                cpus.put(cpu, new CpuJiffies(cpu, v[3] + v[4], v[7]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("/proc/stat:" + (i + 1) + ": " + f[0] + ": not a list of counters ("
                        + e.getMessage() + ")", e);
            }
        }
        return cpus;
    }

    /** This machine's per-CPU counters now; empty when {@code /proc/stat} cannot be read (not Linux). */
    public static Map<Integer, CpuJiffies> readSystem() {
        try {
            return parse(Files.readString(PROC_STAT, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
