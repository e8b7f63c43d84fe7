package org.pairbench.resultfiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.spec.SpecException;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.report.data.HlogStepIntervals;

/**
 * Writes {@code claims.json} into a results directory: the verdicts of the run's claims ({@link RunClaims}: the
 * project's claims.yaml, the measured workload files' own claims, {@code --claims} files) computed from the run's
 * {@code summary.json}, each claim's allocation of repetitions from its steps' interval logs. Called at the end of
 * {@code pairbench run} and by {@code pairbench report}, always before the report page renders (the page reads the file). Stateless.
 */
public final class ClaimsFile {
    private ClaimsFile() {
    }

    /**
     * Judges the run's claims and writes {@code claims.json} (with an empty list when no claim concerns the run's
     * workloads, so the page always finds the file). A claims file that cannot be read costs the verdicts, never
     * the run's results: the problem goes to {@code err} and null is returned.
     */
    public static ClaimsReport write(Path projectDir, ResultLayout layout, RunSummary summary, List<Path> claimFiles,
                                     PrintStream err) {
        try {
            RunMetadata run = Files.isRegularFile(layout.runJson())
                    ? ResultsJson.read(layout.runJson(), RunMetadata.class) : null;
            List<ClaimSpec> specs = RunClaims.specs(projectDir, run, claimFiles);
            ClaimsReport report = ClaimsJudge.judge(summary, specs, new HlogStepIntervals(layout));
            ResultsJson.write(layout.claimsJson(), report);
            return report;
        } catch (SpecException | IOException e) {
            err.println("No verdicts: could not judge the claims (" + e.getMessage() + ")");
            return null;
        }
    }
}
