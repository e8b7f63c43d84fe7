package org.pairbench.targets.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs on the {@code PATH}, the way a shell would. Stateless. */
final class Executables {
    private Executables() {
    }

    /** The first executable file called {@code name} on {@code path} (a PATH-style list), if any. */
    static Optional<Path> find(String name, String path) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<Path> onPath(String name) {
        return find(name, System.getenv("PATH"));
    }
}
