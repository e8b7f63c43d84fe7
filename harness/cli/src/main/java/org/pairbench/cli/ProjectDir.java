package org.pairbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the CLI works in: {@code pairbench.home} set by the launcher, else the working directory. */
final class ProjectDir {
    private ProjectDir() {
    }

    static Path get() {
        String home = System.getProperty("pairbench.home");
        Path dir = (home == null ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("workloads"))) {
            throw new IllegalStateException("no workloads/ directory in " + dir
                    + ": run pairbench from its checkout (./pairbench)");
        }
        return dir;
    }
}
