package org.pairbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The JSON files of a results directory, read leniently: a missing or unreadable file is recorded as a problem and
 * the report goes on with what there is.
 *
 * @param layout   the directory
 * @param run      {@code run.json}, or null
 * @param summary  {@code summary.json}, or null
 * @param problems what could not be read, one sentence each
 * @param claims   {@code claims.json}, or null (absent: no verdicts; unreadable: said in {@code claimsProblem})
 * @param claimsProblem why {@code claims.json} could not be read, or null
 */
record ResultsInput(ResultLayout layout, RunMetadata run, RunSummary summary, List<String> problems,
                    ClaimsReport claims, String claimsProblem) {

    /**
     * @throws NoSuchFileException when the directory holds neither {@code run.json} nor {@code summary.json}
     * @throws org.pairbench.core.spec.SpecException when summary.json names a path outside the directory
     */
    static ResultsInput read(Path dir) throws IOException {
        ResultLayout layout = new ResultLayout(dir);
        if (!Files.isRegularFile(layout.runJson()) && !Files.isRegularFile(layout.summaryJson())) {
            throw new NoSuchFileException(dir.toString(), null, "not a results directory: no run.json or summary.json");
        }
        List<String> problems = new ArrayList<>();
        RunMetadata run = readOrNull(layout.runJson(), RunMetadata.class, problems);
        if (Files.isRegularFile(layout.summaryJson())) {
            ResultFiles.checkNames(layout.summaryJson()); // a crafted name would draw charts outside dir: refused
        }
        RunSummary summary = readOrNull(layout.summaryJson(), RunSummary.class, problems);
        // claims.json is optional (a run without claims, an old run): only an unreadable one is a problem
        ClaimsReport claims = null;
        String claimsProblem = null;
        if (Files.isRegularFile(layout.claimsJson())) {
            List<String> claimProblems = new ArrayList<>();
            claims = readOrNull(layout.claimsJson(), ClaimsReport.class, claimProblems);
            claimsProblem = claimProblems.isEmpty() ? null : claimProblems.get(0);
        }
        return new ResultsInput(layout, run, summary, List.copyOf(problems), claims, claimsProblem);
    }

    private static <T> T readOrNull(Path file, Class<T> type, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + " is missing.");
            return null;
        }
        try {
            return ResultFiles.read(file, type);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            problems.add(file.getFileName() + " could not be read: " + message);
            return null;
        }
    }
}
