package org.pairbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process may open enough sockets for a step. The JVM raises its soft file-descriptor limit to the
 * hard one at start (and targets inherit it); past that only the user can help, so a step that needs more says
 * what to do instead of failing half-way with "Too many open files". Stateless.
 */
final class FileDescriptors {
    private FileDescriptors() {
    }

    /** Null when {@code needed} more descriptors fit under the limit, else the one-line problem. */
    static String shortfall(int needed) {
        long limit = softLimit();
        long open = openNow();
        if (limit < 0 || open < 0 || open + needed <= limit) {
            return null;
        }
        return "needs " + needed + " more file descriptors but the limit is " + limit + " (" + open
                + " open): raise it (ulimit -n " + (open + needed + 1024) + ") and run again";
    }

    static long softLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    private static long openNow() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
