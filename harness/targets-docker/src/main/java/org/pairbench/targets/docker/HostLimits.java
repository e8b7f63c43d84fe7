package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Limits of the harness process that its containers should get too. Local targets inherit the JVM's open-file
 * limit (raised to its hard limit at start); a container gets the engine's default unless told, which may be
 * lower and would fail the large closed-loop steps in the container only. Stateless.
 */
final class HostLimits {
    private HostLimits() {
    }

    /** The hard open-file limit of this process, or 0 when unknown or unlimited (keep the engine's default). */
    static long openFiles() {
        try {
            return openFiles(Files.readString(Path.of("/proc/self/limits")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** From the text of {@code /proc/PID/limits}: the "Max open files" hard column. */
    static long openFiles(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] cols = line.substring("Max open files".length()).strip().split("\\s+");
                return cols.length < 2 || cols[1].equals("unlimited") ? 0 : Long.parseLong(cols[1]);
            }
        }
        return 0;
    }
}
