package org.pairbench.resultfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The published reference's verdicts, {@code results/reference/claims.json} of the checkout, for a one-trial run to
 * compare itself with. Read only when its format is today's ({@value ClaimsReport#SCHEMA}); otherwise the problem
 * says why and what rewrites it.
 *
 * @param report  the reference's claims, or null
 * @param problem why there are none, when {@code report} is null
 */
public record ReferenceClaims(ClaimsReport report, String problem) {
    /** Where the published reference run lives in a checkout. */
    public static final String DIR = "results/reference";

    public static ReferenceClaims read(Path projectDir) {
        Path file = projectDir.resolve(DIR).resolve("claims.json");
        if (!Files.isRegularFile(file)) {
            return new ReferenceClaims(null, "no " + DIR + "/claims.json in this checkout");
        }
        try {
            ClaimsReport report = ResultFiles.read(file, ClaimsReport.class);
            if (!ClaimsReport.SCHEMA.equals(report.schema())) {
                return new ReferenceClaims(null, file + ": format " + report.schema() + ", not "
                        + ClaimsReport.SCHEMA + " (./pairbench report " + DIR + " rewrites it)");
            }
            return new ReferenceClaims(report, null);
        } catch (IOException | RuntimeException e) {
            return new ReferenceClaims(null, file + ": unreadable (" + e.getMessage() + ")");
        }
    }
}
