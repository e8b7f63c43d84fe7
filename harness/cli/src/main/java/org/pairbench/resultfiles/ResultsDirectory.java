package org.pairbench.resultfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pairbench.core.result.ResultLayout;

/** Creates a run's results directory. Stateless. */
public final class ResultsDirectory {
    private ResultsDirectory() {
    }

    /** Creates the directory; refuses one that already holds files, so no run overwrites another. */
    public static ResultLayout create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("results directory " + dir + " is not empty; choose another --out");
                }
            }
        }
        Files.createDirectories(dir);
        return new ResultLayout(dir);
    }
}
