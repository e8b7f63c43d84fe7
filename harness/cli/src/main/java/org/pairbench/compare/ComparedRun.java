package org.pairbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * One results directory as {@code pairbench compare} reads it: run.json and summary.json (both required) and
 * claims.json (optional: runs older than the claims have none, and one of an older format is left aside: its
 * verdicts were reached by other rules). Comparisons read only these files. Immutable.
 *
 * @param dir     the results directory
 * @param run     its run.json
 * @param summary its summary.json
 * @param claims  its claims.json, or null when it has none
 */
public record ComparedRun(Path dir, RunMetadata run, RunSummary summary, ClaimsReport claims) {
    public static ComparedRun read(Path dir) throws IOException {
        ResultLayout layout = new ResultLayout(dir);
        for (Path required : new Path[] {layout.runJson(), layout.summaryJson()}) {
            if (!Files.isRegularFile(required)) {
                throw new IOException(dir + " is not a results directory (no " + required.getFileName() + ")");
            }
        }
        ClaimsReport claims = Files.isRegularFile(layout.claimsJson())
                ? ResultFiles.read(layout.claimsJson(), ClaimsReport.class) : null;
        if (claims != null && !ClaimsReport.SCHEMA.equals(claims.schema())) {
            claims = null;
        }
        return new ComparedRun(dir, ResultFiles.read(layout.runJson(), RunMetadata.class),
                ResultFiles.readSummary(layout.summaryJson()), claims);
    }

    /** This run with its claims judged anew (by today's rules and claims, from summary.json). */
    public ComparedRun withClaims(ClaimsReport judged) {
        return new ComparedRun(dir, run, summary, judged);
    }

    public String label() {
        return summary.runId() == null ? dir.toString() : summary.runId();
    }
}
