package org.pairbench.targets.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * CPU placement with {@code taskset}: which CPUs exist for the harness, the default split between the load
 * generator and the targets (disjoint cores, so neither steals the other's CPU), and pinning a running process.
 *
 * <p>The CPU list is the one this JVM may run on ({@code Cpus_allowed_list}), read when the object is built:
 * build it before pinning the JVM itself, or the JVM's own pinning will look like the whole machine.
 *
 * <p>Threading: immutable; {@link #pinProcess} runs a short {@code taskset} and may be called from any thread.
 */
public final class CpuAffinity {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    private final List<Integer> cpus;
    private final Optional<Path> taskset;

    /** Reads the allowed CPUs of this JVM and looks for {@code taskset} on the PATH. */
    public CpuAffinity() {
        this(allowedCpus(), Executables.onPath("taskset"));
    }

    CpuAffinity(List<Integer> cpus, Optional<Path> taskset) {
        this.cpus = List.copyOf(cpus);
        this.taskset = taskset;
    }

    /** True when {@code taskset} is installed, so processes can be pinned. */
    public boolean available() {
        return taskset.isPresent();
    }

    public int cpuCount() {
        return cpus.size();
    }

    /** The last CPU (e.g. "1") when there are at least two, else "" (do not pin). */
    public String defaultTargetCpus() {
        return cpus.size() >= 2 ? Integer.toString(cpus.get(cpus.size() - 1)) : "";
    }

    /** All CPUs but the target's (e.g. "0", or "0,1,2"), else "" when there is only one. */
    public String defaultGeneratorCpus() {
        return cpus.size() >= 2
                ? cpus.subList(0, cpus.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(","))
                : "";
    }

    /** Pins every thread of a running process ({@code taskset -a -p -c CPUS PID}). */
    public void pinProcess(long pid, String cpuList) throws TargetException {
        Path tool = taskset.orElseThrow(() -> new TargetException(
                "taskset not found: install util-linux, or run without CPU pinning"));
        // with -a, taskset walks /proc/PID/task and exits 0 when there is none: a wrong pid would pass silently
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new TargetException("cannot pin process " + pid + " to CPUs " + cpuList + ": no such process");
        }
        ToolCommand.Result r = ToolCommand.run(
                List.of(tool.toString(), "-a", "-p", "-c", cpuList, Long.toString(pid)), TOOL_TIMEOUT);
        if (r.exitCode() != 0) {
            List<String> tail = r.tail(5);
            throw new TargetException("cannot pin process " + pid + " to CPUs " + cpuList + ": "
                    + (tail.isEmpty() ? "taskset exit code " + r.exitCode() : String.join(" ", tail)),
                    r.exitCode(), tail, null);
        }
    }

    /** What to put in front of a command to start it pinned: {@code taskset -c CPUS}, or nothing. */
    public List<String> launchPrefix(String cpuList) {
        if (cpuList == null || cpuList.isBlank() || taskset.isEmpty()) {
            return List.of();
        }
        return List.of(taskset.get().toString(), "-c", cpuList);
    }

    /** Parses a kernel CPU list such as {@code 0-3,8,10-11}. */
    public static List<Integer> parseCpuList(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.strip().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
            for (int c = from; c <= to; c++) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseCpuList(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: fall back to the count the JVM sees
        }
        List<Integer> fallback = new ArrayList<>();
        for (int c = 0; c < Runtime.getRuntime().availableProcessors(); c++) {
            fallback.add(c);
        }
        return fallback;
    }
}
