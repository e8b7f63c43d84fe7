package org.pairbench.targets.snippets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.targets.ToolCommand;

/**
 * Reads what {@code run_snippet.py} printed: the last stdout line starting with {@value SnippetRunner#MARKER}, a
 * JSON object whose fields are documented in that script. A process that printed none (it crashed, or was killed
 * by a signal) {@code exited}, with its exit code and last stderr line. Stateless.
 */
final class SnippetOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnippetOutput() {
    }

    static SnippetResult parse(String id, ToolCommand.Result r, long elapsedMs) {
        String line = null;
        for (String l : r.stdout().split("\n")) {
            if (l.startsWith(SnippetRunner.MARKER)) {
                line = l.substring(SnippetRunner.MARKER.length());
            }
        }
        if (line == null) {
            List<String> tail = r.tail(1);
            return new SnippetResult(id, SnippetResult.EXITED, "", "exit code " + r.exitCode()
                    + (tail.isEmpty() ? "" : ": " + tail.get(0).strip()), "", "", "", List.of(), elapsedMs, false,
                    null);
        }
        try {
            JsonNode n = JSON.readTree(line);
            List<String> warnings = new ArrayList<>();
            n.path("warnings").forEach(w -> warnings.add(w.asText()));
            return new SnippetResult(id, n.path("outcome").asText(), n.path("type").asText(),
                    n.path("message").asText(), n.path("at").asText(), n.path("context").asText(),
                    n.path("observed").asText(), warnings, elapsedMs, false, null);
        } catch (JsonProcessingException e) {
            return new SnippetResult(id, SnippetResult.EXITED, "", "exit code " + r.exitCode()
                    + ": unreadable result line (" + e.getOriginalMessage() + ")", "", "", "", List.of(), elapsedMs,
                    false, null);
        }
    }
}
