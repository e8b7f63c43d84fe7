package org.pairbench.resultfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pairbench.console.ClaimsTable;
import org.pairbench.console.ReferenceComparisonTable;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.RunSummary;
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

    /**
     * The closing comparison of a one-trial run (such as quick) with the published reference, as printed after
     * the claims table; empty for a run whose claims could be judged (or with no claims).
     */
    public static String comparison(Path projectDir, RunSummary summary, ClaimsReport claims) {
        if (claims == null || claims.claims().isEmpty() || !ClaimsTable.noneCouldBeJudged(claims)) {
            return "";
        }
        ReferenceClaims reference = read(projectDir);
        return ReferenceComparisonTable.render(summary, claims, reference.report(), reference.problem());
    }

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
