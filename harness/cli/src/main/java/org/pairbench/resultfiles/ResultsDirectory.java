package org.pairbench.resultfiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pairbench.core.result.ResultLayout;

/** Creates and claims a run's results directory ({@code --out}). Stateless; any thread. */
public final class ResultsDirectory {
    private ResultsDirectory() {
    }

    /**
     * Creates the results directory, or takes an empty one, and claims it atomically: summary.json is created with
     * CREATE_NEW, which exactly one of two runs started at once with the same {@code --out} wins; the other, like a
     * run given a directory with files, is refused. So no run overwrites or interleaves with another.
     */
    public static ResultLayout create(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("results directory " + dir + " is a file; choose another --out");
            }
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw notEmpty(dir);
                }
            }
        }
        ResultLayout layout = new ResultLayout(dir);
        try {
            Files.createFile(layout.summaryJson()); // the claim; the runner writes the real file next
        } catch (FileAlreadyExistsException taken) {
            throw notEmpty(dir);
        }
        return layout;
    }

    private static IOException notEmpty(Path dir) {
        return new IOException("results directory " + dir + " is not empty; choose another --out");
    }
}
