package org.pairbench.console;

import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.VerdictText;

/**
 * The claims table printed after the summary table, at the end of a run and by {@code pairbench report}: one row
 * per claim comparison with its verdict, the hypothesis it tests, the effect (an improvement factor, or a
 * difference for counts), its 95% interval, the paired trials it rests on and the reason cut to one line
 * (claims.json has it whole); under each row the words tested and where they come from, and, for a claim whose
 * guide code does not run as written, the broken flag with what the original raises. Stateless.
 */
public final class ClaimsTable {
    /** Longest reason shown; the rest is in claims.json and index.html. */
    public static final int REASON_CHARS = 110;
    /** Longest words line shown. */
    static final int WORDS_CHARS = 150;
    private static final String[] HEADER = {"claim", "verdict", "hypothesis", "effect", "95% CI", "trials",
        "reason"};

    private ClaimsTable() {
    }

    public static String render(ClaimsReport report) {
        if (report == null || report.claims().isEmpty()) {
            return "\nClaims: none of the claims concerns this run's workloads\n";
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
            String effect = VerdictText.effect(c, "x");
            String ci = VerdictText.interval(c);
            rows.add(new String[] {c.id(), c.verdict(), VerdictText.hypothesis(c), effect == null ? "-" : effect,
                ci == null ? "-" : ci, String.valueOf(c.trials()), cut(c.reason(), REASON_CHARS)});
        }
        List<String> lines = TextTable.render(rows, i -> i >= 3 && i <= 5).lines().toList();
        StringBuilder out = new StringBuilder("\nClaims  effect: how many times better the candidate is (above 1: "
                + "better), or candidate minus baseline for counts; 95% t-interval over paired trials\n");
        out.append(lines.get(0)).append('\n');
        for (int i = 0; i < report.claims().size(); i++) {
            ClaimVerdict c = report.claims().get(i);
            out.append(lines.get(i + 1)).append('\n');
            out.append("      ").append(cut(c.source().where() + ": " + VerdictText.words(c.source()), WORDS_CHARS))
                    .append('\n');
            if (c.broken()) {
                out.append("      broken: the guide's code does not run as written: ")
                        .append(cut(c.guideCode(), WORDS_CHARS)).append('\n');
            }
        }
        return out.toString();
    }

    /** True when every comparison is no-data for want of trials (none had {@link ClaimsJudge#MIN_PAIRS} pairs). */
    public static boolean noneCouldBeJudged(ClaimsReport report) {
        return report.claims().stream()
                .allMatch(c -> ClaimVerdict.NO_DATA.equals(c.verdict()) && c.trials() < ClaimsJudge.MIN_PAIRS);
    }

    private static String cut(String text, int chars) {
        String s = text.replace('\n', ' ');
        return s.length() <= chars ? s : s.substring(0, chars - 3) + "...";
    }
}
