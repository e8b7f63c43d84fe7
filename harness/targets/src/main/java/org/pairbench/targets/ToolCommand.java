package org.pairbench.targets;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a short-lived helper program (python, pip, getconf, taskset, initdb, psql) to completion and returns its
 * output.
 * stdout and stderr go to temporary files rather than pipes: no reader threads, no risk of a full pipe blocking
 * the child, and a timeout is a plain {@link Process#waitFor(long, TimeUnit)}. Stateless; any thread.
 */
public final class ToolCommand {
    private ToolCommand() {
    }

    /**
     * The outcome of a helper run.
     *
     * @param exitCode the program's exit code
     * @param stdout   everything it wrote to stdout
     * @param stderr   everything it wrote to stderr
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Last lines of stderr, or of stdout when stderr is empty: what to show when the program failed. */
        public List<String> tail(int lines) {
            String text = stderr.isBlank() ? stdout : stderr;
            List<String> all = text.lines().filter(l -> !l.isBlank()).toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        }
    }

    /**
     * Runs {@code argv} with the inherited environment plus {@code extraEnv}.
     *
     * @param started told the process once it runs, so a caller can destroy it (Ctrl-C during a long install)
     * @throws TargetException when it cannot be started or does not finish in time (it is then killed)
     */
    public static Result run(List<String> argv, Map<String, String> extraEnv, Duration timeout,
                             Consumer<Process> started) throws TargetException {
        return run(argv, env -> env.putAll(extraEnv), timeout, started);
    }

    /**
     * Runs {@code argv} with the inherited environment as {@code environment} edits it.
     *
     * @throws TargetException when it cannot be started or does not finish in time (it is then killed)
     */
    public static Result run(List<String> argv, Consumer<Map<String, String>> environment, Duration timeout,
                             Consumer<Process> started) throws TargetException {
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("pairbench-tool", ".out");
            err = Files.createTempFile("pairbench-tool", ".err");
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            environment.accept(pb.environment());
            p = pb.start();
            started.accept(p);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TargetException(Path.of(argv.get(0)).getFileName() + " did not finish within "
                        + timeout.toSeconds() + "s: " + String.join(" ", argv));
            }
            // lenient decoding: a tool's odd byte must not hide its exit code
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TargetException("cannot run " + argv.get(0) + ": " + e.getMessage(), null, List.of(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running " + String.join(" ", argv));
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    public static Result run(List<String> argv, Duration timeout) throws TargetException {
        return run(argv, Map.of(), timeout, p -> { });
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
