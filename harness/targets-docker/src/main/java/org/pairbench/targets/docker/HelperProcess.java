package org.pairbench.targets.docker;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pairbench.targets.TargetException;

/**
 * Runs a long build helper ({@code pip download}, {@code debootstrap}) to completion with its output in a log
 * file, and fails with the helper's last lines when it does not succeed. Stateless; any thread.
 */
final class HelperProcess {
    private static final int TAIL_LINES = 20;

    private HelperProcess() {
    }

    /** Runs {@code argv}; stdout and stderr go to {@code log}. */
    static void run(List<String> argv, Path log, Duration timeout) throws TargetException {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new TargetException("cannot run " + argv.get(0) + ": " + e.getMessage(), null, List.of(), e);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TargetException(name(argv) + " did not finish within " + timeout.toMinutes() + " min",
                        null, tail(log), null);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running " + name(argv));
        }
        if (p.exitValue() != 0) {
            List<String> tail = tail(log);
            throw new TargetException(name(argv) + " failed with exit code " + p.exitValue()
                    + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1).strip()), p.exitValue(), tail, null);
        }
    }

    private static String name(List<String> argv) {
        return String.join(" ", argv.subList(0, Math.min(argv.size(), 4)));
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
