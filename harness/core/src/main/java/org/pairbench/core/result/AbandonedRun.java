package org.pairbench.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks the summary.json of a run that was killed: a run that ended in any way the harness saw (complete,
 * interrupted, failed) wrote its final status; one still saying {@code running} after its harness is gone was
 * killed, and says {@code abandoned} from then on. Only the status changes: the figures written before the kill
 * stay as they were (and unknown fields of a newer writer are kept). Stateless.
 */
public final class AbandonedRun {
    private AbandonedRun() {
    }

    /**
     * @return true when {@code resultsDir}'s summary.json said {@code running} and now says {@code abandoned};
     *         false when there is none, or it had ended
     * @throws IOException when it cannot be read as JSON or not rewritten
     */
    public static boolean mark(Path resultsDir) throws IOException {
        Path summary = new ResultLayout(resultsDir).summaryJson();
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        JsonNode root = ResultsJson.mapper().readTree(summary.toFile());
        if (!(root instanceof ObjectNode o) || !RunSummary.RUNNING.equals(o.path("status").asText())) {
            return false;
        }
        o.put("status", RunSummary.ABANDONED);
        ResultsJson.write(summary, o);
        return true;
    }
}
