package org.pairbench.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The claims table printed after the summary table, at the end of a run and by {@code pairbench report}: one row
 * per claim comparison with its verdict, the candidate's improvement factor, its 95% interval, the noise floor it
 * was judged against, the paired trials it rests on, and the reason cut to one line (claims.json has it whole).
 * Stateless.
 */
public final class ClaimsTable {
    /** Longest reason shown; the rest is in claims.json and index.html. */
    public static final int REASON_CHARS = 110;
    private static final String[] HEADER = {"claim", "verdict", "effect", "95% CI", "noise", "trials", "reason"};

    private ClaimsTable() {
    }

    public static String render(ClaimsReport report) {
        if (report == null || report.claims().isEmpty()) {
            return "\nClaims: none of workloads/claims.yaml concerns this run's workloads\n";
        }
        if (noneCouldBeJudged(report)) {
            // a one-trial run (the quick suite) would print a page of identical no-data rows: say it once
            return "\nClaims: " + report.claims().size() + " claim comparisons concern this run, none judged: "
                    + "a verdict needs " + ClaimsJudge.MIN_PAIRS + " valid paired trials or more, and a one-trial run "
                    + "such as quick has none (run --suite full, or --trials 3). claims.json gives each its reason.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ClaimVerdict c : report.claims()) {
            String effect = c.effect() == null ? "-" : ClaimsJudge.factor(c.effect()) + "x";
            String ci = c.ciLow() == null ? "-"
                    : "[" + ClaimsJudge.factor(c.ciLow()) + ", " + ClaimsJudge.factor(c.ciHigh()) + "]";
            rows.add(new String[] {c.id(), c.verdict(), effect, ci,
                c.noisePct() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", c.noisePct()),
                String.valueOf(c.trials()), oneLine(c.reason())});
        }
        return "\nClaims  effect: how many times better the candidate is (above 1: better), 95% bootstrap interval "
                + "over paired trials\n" + TextTable.render(rows, i -> i >= 2 && i <= 5);
    }

    /** True when every comparison is no-data for want of trials (none had {@link ClaimsJudge#MIN_PAIRS} pairs). */
    public static boolean noneCouldBeJudged(ClaimsReport report) {
        return report.claims().stream()
                .allMatch(c -> ClaimVerdict.NO_DATA.equals(c.verdict()) && c.trials() < ClaimsJudge.MIN_PAIRS);
    }

    private static String oneLine(String reason) {
        String s = reason.replace('\n', ' ');
        return s.length() <= REASON_CHARS ? s : s.substring(0, REASON_CHARS - 3) + "...";
    }
}
