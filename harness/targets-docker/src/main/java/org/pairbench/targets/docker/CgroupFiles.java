package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.pairbench.targets.ResourceSample;

/**
 * A container's resource figures, read from its cgroup: every process in the container counts, however many
 * workers it forks.
 *
 * <ul>
 *   <li>CPU: cgroup v2 {@code cpu.stat} {@code usage_usec}; v1 {@code cpuacct.usage} (nanoseconds).</li>
 *   <li>Memory: the charge ({@code memory.current}, v1 {@code memory.usage_in_bytes}) minus the page cache the
 *       kernel can drop at once ({@code inactive_file}, v1 {@code total_inactive_file}) - what {@code docker
 *       stats} shows. Not the same as the local runtime's VmRSS sum: pages of shared libraries that another
 *       cgroup read first are charged there, so an idle aiohttp reads about 24 MiB here and 35 MiB as VmRSS.</li>
 * </ul>
 *
 * The peak comes from the runner, which keeps the largest of its one-per-second samples, as it does for the local
 * runtime ({@code memory.peak} would add page cache and is not in cgroup v1). Once the container is gone its
 * files are too, and a sample reads 0, like a vanished process on {@code /proc}.
 *
 * <p>Immutable; any thread.
 *
 * @param v2        the unified hierarchy (else v1 controllers)
 * @param cpuDir    the cgroup directory holding the CPU figure ({@code cpuacct} controller on v1)
 * @param memoryDir the cgroup directory holding the memory figures (the same as {@code cpuDir} on v2)
 */
record CgroupFiles(boolean v2, Path cpuDir, Path memoryDir) {
    static final String SOURCE = "cgroup";

    ResourceSample sample() {
        try {
            long cpuNs = v2 ? statValue(read(cpuDir.resolve("cpu.stat")), "usage_usec") * 1_000
                    : Long.parseLong(read(cpuDir.resolve("cpuacct.usage")).strip());
            long charged = Long.parseLong(read(memoryDir.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"))
                    .strip());
            long inactiveFile = statValue(read(memoryDir.resolve("memory.stat")),
                    v2 ? "inactive_file" : "total_inactive_file");
            return new ResourceSample(cpuNs, Math.max(0, charged - inactiveFile));
        } catch (NoSuchFileException gone) {
            return new ResourceSample(0, 0); // the container was removed: see the class comment
        } catch (IOException | RuntimeException e) {
            return ResourceSample.UNAVAILABLE;
        }
    }

    /** The value of {@code key} in a flat keyed file such as {@code cpu.stat} or {@code memory.stat}; 0 if absent. */
    static long statValue(String text, String key) {
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).equals(key)) {
                return Long.parseLong(line.substring(space + 1).strip());
            }
        }
        return 0;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }
}
