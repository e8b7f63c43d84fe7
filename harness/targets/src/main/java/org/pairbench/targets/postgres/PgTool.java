package org.pairbench.targets.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pairbench.targets.TargetException;

/**
 * Runs a short-lived program (initdb, psql, pg_config, id, kill) to completion. Output goes to temporary files,
 * not pipes, so a chatty program can never block on a full pipe. Stateless; any thread.
 */
final class PgTool {
    private PgTool() {
    }

    /**
     * @param exitCode the program's exit code
     * @param stdout   what it wrote to stdout
     * @param stderr   what it wrote to stderr
     */
    record Result(int exitCode, String stdout, String stderr) {
        /** The last non-blank lines of stderr, else of stdout: what to show when the program failed. */
        List<String> tail(int lines) {
            String text = stderr.isBlank() ? stdout : stderr;
            List<String> all = text.lines().filter(l -> !l.isBlank()).toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        }
    }

    /**
     * Runs {@code argv} with this process's environment, minus {@code PG*} variables (a {@code PGHOST} or
     * {@code PGSERVICE} of the user's must not redirect the harness's own commands), plus {@code extraEnv}.
     *
     * @throws TargetException when it cannot start or does not finish within {@code timeout} (it is then killed)
     */
    static Result run(List<String> argv, Map<String, String> extraEnv, Duration timeout) throws TargetException {
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("pairbench-pg", ".out");
            err = Files.createTempFile("pairbench-pg", ".err");
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            cleanEnvironment(pb.environment());
            pb.environment().putAll(extraEnv);
            p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TargetException(Path.of(argv.get(0)).getFileName() + " did not finish within "
                        + timeout.toSeconds() + "s: " + String.join(" ", argv));
            }
            // lenient decoding: an odd byte in a tool's output must not hide its exit code
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

    /** Drops the {@code PG*} variables libpq and the server programs would read; messages in English. */
    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.put("LC_ALL", "C");
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
