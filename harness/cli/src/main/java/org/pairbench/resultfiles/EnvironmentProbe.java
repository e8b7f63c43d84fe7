package org.pairbench.resultfiles;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.result.CpuIdle;
import org.pairbench.core.result.PlatformHiccups;
import org.pairbench.core.result.RunMetadata.EnvironmentInfo;
import org.pairbench.core.result.RunMetadata.GitInfo;

/**
 * Reads what run.json says about the machine and the harness: CPU, memory, kernel, JVM, and the git revision.
 * Anything that cannot be read becomes "unknown" rather than an error: a run must not fail for its metadata.
 * Stateless.
 */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    public static EnvironmentInfo environment(String generatorCpus, String targetCpus, String transport,
                                              int generatorThreads, long timerSlackNs, long spinLeadNs,
                                              PlatformHiccups hiccups, CpuIdle cpuIdle) {
        return new EnvironmentInfo(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                firstLine(Path.of("/proc/sys/kernel/osrelease")), cpuModel(),
                Runtime.getRuntime().availableProcessors(), memoryBytes(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), generatorCpus, targetCpus, transport,
                generatorThreads, timerSlackNs, spinLeadNs, hiccups, cpuIdle);
    }

    /** This machine's name (a pod's name in Kubernetes), for run.json's shard; "unknown" when it has none. */
    public static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }

    public static GitInfo git(Path projectDir) {
        String revision = run(projectDir, "git", "rev-parse", "HEAD");
        if (revision.isEmpty()) {
            return new GitInfo("unknown", false);
        }
        return new GitInfo(revision, !run(projectDir, "git", "status", "--porcelain", "--untracked-files=no").isEmpty());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return "unknown";
    }

    private static long memoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
