package org.pairbench.resultfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunInterference;
import org.pairbench.core.result.RunMetadata;

/**
 * A run's {@code run.json}: written once the run is set up, then again each time a variant's process reports the
 * settings it runs with, which go into the resolved workload as {@code variants.<name>.effective}, and once more at
 * the end with the run's interference totals.
 *
 * <p>Threading: synchronized; the runner's thread writes it.
 */
public final class RunJsonFile {
    private final ResultLayout layout;
    private final RunMetadata meta;
    /** The run's interference totals once it has ended, or null. */
    private RunInterference interference;

    public RunJsonFile(ResultLayout layout, RunMetadata meta) throws IOException {
        this.layout = layout;
        this.meta = meta;
        write();
    }

    /** Adds what {@code variant} of {@code workload} reported it runs with, and rewrites the file. */
    public synchronized void effective(String workload, String variant, Map<String, String> reported)
            throws IOException {
        for (JsonNode w : meta.workloads()) {
            if (w.path("name").asText().equals(workload) && w.path("variants").get(variant) instanceof ObjectNode v) {
                v.set("effective", ResultsJson.mapper().valueToTree(reported));
            }
        }
        write();
    }

    /** Adds how quiet the machine was over the run (written once it ends), and rewrites the file. */
    public synchronized void interference(RunInterference totals) throws IOException {
        this.interference = totals;
        write();
    }

    private synchronized void write() throws IOException {
        if (interference == null) {
            ResultsJson.write(layout.runJson(), meta);
            return;
        }
        ObjectNode node = ResultsJson.mapper().valueToTree(meta);
        node.set("interference", ResultsJson.mapper().valueToTree(interference));
        ResultsJson.write(layout.runJson(), node);
    }
}
