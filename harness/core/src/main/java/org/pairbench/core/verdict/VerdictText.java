package org.pairbench.core.verdict;

/**
 * A verdict's figures in words for tables (the terminal's claims table, the report page, compare's Markdown), so
 * that every output spells the hypothesis, effect and interval alike. Stateless.
 */
public final class VerdictText {
    private VerdictText() {
    }

    /** The hypothesis with its bound: {@code better >= 1.10x}, {@code not-worse, 10%}, {@code fewer, margin 0}. */
    public static String hypothesis(ClaimVerdict c) {
        return switch (c.hypothesis()) {
            case "better" -> "better >= " + ClaimsJudge.factor(c.factor()) + "x";
            case "not-worse" -> "not-worse, " + VerdictRule.pct(c.margin());
            case "same" -> "same, \u00b1" + VerdictRule.pct(c.margin());
            default -> c.hypothesis() + (c.margin() == null || c.margin() == 0 ? ""
                    : ", margin " + c.margin() + " " + c.unit());
        };
    }

    /** The effect: {@code 2.97x} for a ratio, {@code -0.98 connections} for a difference; null without data. */
    public static String effect(ClaimVerdict c, String times) {
        if (c.effect() == null) {
            return null;
        }
        return c.difference() ? VerdictRule.num(c.effect()) + " " + c.unit() : ClaimsJudge.factor(c.effect()) + times;
    }

    /** The interval: {@code [2.52, 3.73]}; null without data. */
    public static String interval(ClaimVerdict c) {
        if (c.ciLow() == null) {
            return null;
        }
        return c.difference() ? "[" + VerdictRule.num(c.ciLow()) + ", " + VerdictRule.num(c.ciHigh()) + "]"
                : "[" + ClaimsJudge.factor(c.ciLow()) + ", " + ClaimsJudge.factor(c.ciHigh()) + "]";
    }

    /** The words tested, quoted, or the outside source when it has none. */
    public static String words(ClaimSource s) {
        return s.quote() != null ? "\u201c" + s.quote() + "\u201d" : "(" + s.outside() + ")";
    }

    /** The verdict with the broken flag beside it: {@code supported, broken}. */
    public static String verdict(ClaimVerdict c) {
        return c.broken() ? c.verdict() + " +broken" : c.verdict();
    }
}
