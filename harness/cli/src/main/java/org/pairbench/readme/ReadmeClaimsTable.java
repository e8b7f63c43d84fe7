package org.pairbench.readme;

import java.util.List;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.VerdictText;

/**
 * The README's claims table, as Markdown, from a results directory's {@code claims.json}: one row per claim
 * comparison with its variants, metric and step, hypothesis, verdict (and the broken flag), effect, 95% interval
 * and paired trials. Every cell is read from the file, so the README can be regenerated and checked against it
 * ({@code pairbench readme-claims DIR}; {@code ReadmeClaimsMatchReferenceTest}). Stateless.
 */
public final class ReadmeClaimsTable {
    private static final String TIMES = "\u00d7";

    private ReadmeClaimsTable() {
    }

    /** The table, header included, each line ending in a newline. */
    public static String render(ClaimsReport report) {
        StringBuilder out = new StringBuilder();
        out.append("| claim | baseline \u2192 candidate | metric @ step | hypothesis | verdict | effect | 95% CI "
                + "| trials |\n");
        out.append("|---|---|---|---|---|---:|---:|---:|\n");
        for (ClaimVerdict c : report.claims()) {
            out.append(row(c)).append('\n');
        }
        return out.toString();
    }

    private static String row(ClaimVerdict c) {
        String metric = c.metric() + (ClaimSpec.CV.equals(c.statistic()) ? " (CV)" : "");
        String hypothesis = VerdictText.hypothesis(c).replace(">=", "\u2265").replace("x", TIMES);
        String verdict = "**" + c.verdict() + "**" + (c.broken() ? " \u00b7 broken" : "");
        String effect = VerdictText.effect(c, TIMES);
        String ci = VerdictText.interval(c);
        return cells(List.of(c.id(), c.baseline() + " \u2192 " + c.candidate(), metric + " @ `" + c.step() + "`",
                hypothesis, verdict, effect == null ? "\u2013" : effect, ci == null ? "\u2013" : ci,
                Integer.toString(c.trials())));
    }

    private static String cells(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return row.toString();
    }
}
