package org.pairbench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pairbench.core.verdict.ClaimsJudge;

/**
 * A {@link Comparison} as Markdown, for a terminal and for a CI job's summary page: the verdict line, what
 * moved (regressions first), claim verdicts that changed, and notes. Stateless.
 */
public final class CompareMarkdown {
    private CompareMarkdown() {
    }

    public static String render(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("## pairbench compare: ").append(c.baseline().label()).append(" -> ").append(c.current().label())
                .append("\n\n");
        if (!c.mismatches().isEmpty()) {
            sb.append("**MISMATCHED**: the runs did not measure the same thing; nothing was compared.\n\n");
            c.mismatches().forEach(m -> sb.append("- ").append(m).append('\n'));
            return sb.toString();
        }
        List<MetricChange> moved = new ArrayList<>(c.changes().stream().filter(MetricChange::regression).toList());
        c.changes().stream().filter(m -> m.moved() && !m.regression()).forEach(moved::add);
        long tested = c.changes().stream().filter(m -> m.pHolm() != null).count();
        long regressions = c.changes().stream().filter(MetricChange::regression).count();
        sb.append(regressions > 0 ? "**REGRESSION**: " + regressions + " of " + c.changes().size()
                + " metric(s) got worse, beyond the threshold and the spread."
                : "**OK**: no metric got worse beyond the threshold and the spread (" + tested + " of "
                + c.changes().size() + " tested; the others had too few valid trials).")
                .append("\n\n");
        if (moved.isEmpty()) {
            sb.append("Nothing moved beyond the threshold.\n");
        } else {
            sb.append("| workload | variant | step | metric | baseline | current | change | 95% CI | p (Holm) | status |\n");
            sb.append("|---|---|---|---|---:|---:|---:|---:|---:|---|\n");
            for (MetricChange m : moved) {
                sb.append("| ").append(String.join(" | ", m.workload(), m.variant(), m.step(), m.metric(),
                        value(m.baselineMean(), m.baselineMin(), m.baselineMax(), m.baselineTrials(), m.unit()),
                        value(m.currentMean(), m.currentMin(), m.currentMax(), m.currentTrials(), m.unit()),
                        m.worsePct() == null ? "-" : change(m.worsePct()),
                        m.worseLowPct() == null ? "-" : String.format(Locale.ROOT, "[%+.1f%%, %+.1f%%]",
                                m.worseLowPct(), m.worseHighPct()),
                        m.pHolm() == null ? "-" : String.format(Locale.ROOT, "%.2g", m.pHolm()),
                        m.note() == null ? m.status() : m.status() + ": " + m.note())).append(" |\n");
            }
        }
        List<Comparison.ClaimChange> flipped = c.claims().stream().filter(Comparison.ClaimChange::changed).toList();
        if (!c.claims().isEmpty()) {
            sb.append("\n### Claims\n\n");
            List<Comparison.ClaimChange> failing = c.failingClaims();
            if (!c.failOn().isEmpty()) {
                sb.append(failing.isEmpty() ? "No claim has a verdict --fail-on names (" : "**CLAIMS FAIL**: "
                        + failing.size() + " claim(s) with a verdict --fail-on names (").append(String.join(", ",
                        c.failOn().stream().sorted().toList())).append(")").append(failing.isEmpty() ? ".\n\n" : ":\n\n");
                for (Comparison.ClaimChange f : failing) {
                    sb.append("- ").append(f.id()).append(": ").append(verdict(f.after(), f.effectAfter()))
                            .append(f.before() == null ? "" : " (baseline: " + verdict(f.before(), f.effectBefore()) + ")")
                            .append('\n');
                }
                if (!failing.isEmpty()) {
                    sb.append('\n');
                }
            }
            if (flipped.isEmpty()) {
                sb.append("Every verdict is unchanged (").append(c.claims().size()).append(" claims).\n");
            } else {
                sb.append("| claim | baseline | current |\n|---|---|---|\n");
                for (Comparison.ClaimChange f : flipped) {
                    sb.append("| ").append(f.id()).append(" | ").append(verdict(f.before(), f.effectBefore()))
                            .append(" | ").append(verdict(f.after(), f.effectAfter())).append(" |\n");
                }
                sb.append("\n").append(c.claims().size() - flipped.size()).append(" other verdict(s) unchanged.\n");
            }
        }
        List<String> notes = RunMatch.notes(c.baseline(), c.current());
        sb.append("\nRule: a metric regressed when it is worse by more than ")
                .append(String.format(Locale.ROOT, "%.1f%%", c.thresholdPct()))
                .append(" and the change is significant (Welch's t on the logs, " + RegressionRule.MIN_TRIALS
                        + " valid trials or more on each side) after Holm's correction over every metric tested: "
                        + "at most " + Math.round(RegressionRule.FAMILY_ALPHA * 100)
                        + "% of same-code comparisons raise an alarm.\n");
        notes.forEach(n -> sb.append("Note: ").append(n).append('\n'));
        return sb.toString();
    }

    private static String value(Double mean, Double min, Double max, int n, String unit) {
        if (mean == null) {
            return "-";
        }
        String s = number(mean) + " " + unit;
        return n > 1 ? s + " (" + number(min) + "-" + number(max) + ", " + n + "t)" : s + " (1t)";
    }

    private static String change(double worsePct) {
        if (Double.isInfinite(worsePct)) {
            return "worse (from 0)";
        }
        return String.format(Locale.ROOT, "%+.1f%% %s", worsePct, worsePct > 0 ? "worse" : "better");
    }

    private static String verdict(String v, String effect) {
        return v == null ? "(absent)" : effect == null ? v : v + " " + effect;
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a != 0 && a < 0.01) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }
}
