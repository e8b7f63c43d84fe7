package org.pairbench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.pairbench.core.result.AbandonedRun;
import org.pairbench.targets.local.LeftoverSweep;

/**
 * Before a run starts anything: removes what runs killed earlier left behind (processes and directories, from
 * their run records; containers are the docker runtime's own sweep), says what it removed, and marks each such
 * run's summary.json {@code abandoned}. Stateless.
 */
final class DeadRuns {
    private DeadRuns() {
    }

    static void sweep(Path recordsDir, Consumer<String> out) {
        for (LeftoverSweep.Leftover l : LeftoverSweep.sweep(recordsDir)) {
            String marked = "";
            if (l.resultsDir() != null) {
                try {
                    marked = AbandonedRun.mark(l.resultsDir()) ? "; its summary.json now says abandoned" : "";
                } catch (IOException | RuntimeException e) {
                    marked = "; could not mark its summary.json abandoned: " + e.getMessage();
                }
            }
            out.accept(l.message() + marked);
        }
    }
}
