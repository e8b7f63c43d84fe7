package org.pairbench.targets.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * The PostgreSQL programs a throwaway cluster needs: {@code initdb}, {@code postgres} and {@code psql}, found in
 * this order:
 *
 * <ol>
 *   <li>{@code PAIRBENCH_PG_BIN}, a directory holding all three (a wrong setting is an error, not skipped);</li>
 *   <li>{@code pg_config --bindir}, when that directory holds all three (Debian's {@code pg_config} may come
 *       from libpq-dev alone and name a directory without the server);</li>
 *   <li>{@code /usr/lib/postgresql/VERSION/bin}, the highest version holding all three (Debian's layout, whose
 *       server programs are not on the PATH);</li>
 *   <li>the PATH, each program on its own.</li>
 * </ol>
 *
 * @param initdb   creates the cluster
 * @param postgres the server
 * @param psql     the client the harness uses to create the database and read statistics
 * @param foundBy  which of the ways above found them, for messages
 */
public record PostgresBinaries(Path initdb, Path postgres, Path psql, String foundBy) {
    /** Environment variable naming a directory with the server programs. */
    public static final String ENV_BIN = "PAIRBENCH_PG_BIN";
    static final List<String> PROGRAMS = List.of("initdb", "postgres", "psql");
    static final String MISSING = "PostgreSQL server programs (initdb, postgres, psql) not found: install them"
            + " with 'apt-get install postgresql' (Debian, Ubuntu), or set " + ENV_BIN + " to their directory";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    /** Looks in the places above, with this process's environment. */
    public static PostgresBinaries discover() throws TargetException {
        Map<String, String> env = System.getenv();
        return discover(env, DEBIAN_ROOT, pathValue -> pgConfigBindir(pathValue));
    }

    /**
     * @param env            the environment ({@code PAIRBENCH_PG_BIN}, {@code PATH})
     * @param debianRoot     where versioned installations live ({@code /usr/lib/postgresql})
     * @param pgConfigBindir runs {@code pg_config --bindir} found on the given PATH, if any
     */
    static PostgresBinaries discover(Map<String, String> env, Path debianRoot,
                                     Function<String, Optional<Path>> pgConfigBindir) throws TargetException {
        String explicit = env.get(ENV_BIN);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit.strip());
            return inDirectory(dir, ENV_BIN + "=" + dir).orElseThrow(() -> new TargetException(
                    ENV_BIN + "=" + dir + " does not hold initdb, postgres and psql: point it at PostgreSQL's bin"
                            + " directory, or unset it"));
        }
        String path = env.get("PATH");
        Optional<PostgresBinaries> found = pgConfigBindir.apply(path)
                .flatMap(dir -> inDirectory(dir, "pg_config --bindir"));
        if (found.isEmpty()) {
            found = newestVersioned(debianRoot);
        }
        if (found.isEmpty()) {
            found = onPath(path);
        }
        return found.orElseThrow(() -> new TargetException(MISSING));
    }

    /** All three in {@code dir}, else empty. */
    static Optional<PostgresBinaries> inDirectory(Path dir, String foundBy) {
        List<Path> programs = new ArrayList<>();
        for (String name : PROGRAMS) {
            Path p = dir.resolve(name);
            if (!isExecutableFile(p)) {
                return Optional.empty();
            }
            programs.add(p.toAbsolutePath());
        }
        return Optional.of(new PostgresBinaries(programs.get(0), programs.get(1), programs.get(2), foundBy));
    }

    /** The highest {@code ROOT/VERSION/bin} holding all three; versions compare numerically (9.6 < 13 < 15). */
    static Optional<PostgresBinaries> newestVersioned(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> versions = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                if (parseVersion(d.getFileName().toString()).isPresent()) {
                    versions.add(d);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        versions.sort(Comparator.comparing((Path d) -> parseVersion(d.getFileName().toString()).orElseThrow(),
                PostgresBinaries::compareVersions).reversed());
        for (Path d : versions) {
            Optional<PostgresBinaries> found = inDirectory(d.resolve("bin"), d.resolve("bin").toString());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static Optional<PostgresBinaries> onPath(String path) {
        List<Path> programs = new ArrayList<>();
        for (String name : PROGRAMS) {
            Optional<Path> p = findOnPath(name, path);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            programs.add(p.get());
        }
        return Optional.of(new PostgresBinaries(programs.get(0), programs.get(1), programs.get(2), "PATH"));
    }

    /** "15" → [15], "9.6" → [9, 6]; anything else is not a version directory. */
    static Optional<int[]> parseVersion(String name) {
        if (!name.matches("\\d{1,4}(\\.\\d{1,4})*")) {
            return Optional.empty();
        }
        String[] parts = name.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return Optional.of(out);
    }

    private static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    static Optional<Path> findOnPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && isExecutableFile(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name).toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private static Optional<Path> pgConfigBindir(String path) {
        Optional<Path> pgConfig = findOnPath("pg_config", path);
        if (pgConfig.isEmpty()) {
            return Optional.empty();
        }
        try {
            ToolCommand.Result r = PgTool.run(List.of(pgConfig.get().toString(), "--bindir"), Map.of(),
                    Duration.ofSeconds(10));
            String dir = r.stdout().strip();
            return r.exitCode() == 0 && !dir.isEmpty() ? Optional.of(Path.of(dir)) : Optional.empty();
        } catch (TargetException e) {
            return Optional.empty(); // a broken pg_config only means: look elsewhere
        }
    }
}
