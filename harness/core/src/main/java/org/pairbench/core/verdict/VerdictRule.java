package org.pairbench.core.verdict;

import java.util.Locale;

/**
 * The test each hypothesis is: where its interval must lie for {@code supported} and for {@code refuted}, with
 * {@code inconclusive} in between. Ratio intervals are of the candidate's improvement factor (above 1: better);
 * count intervals are of candidate minus baseline. Pure; used by {@link ClaimsJudge} and by the simulation test.
 *
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>hypothesis</th><th>supported</th><th>refuted</th></tr>
 *   <tr><td>better, factor F</td><td>low &gt; F</td><td>high &lt;= F</td></tr>
 *   <tr><td>not-worse, margin m</td><td>low &gt; 1/(1+m)</td><td>high &lt;= 1/(1+m)</td></tr>
 *   <tr><td>same, margin m</td><td>1/(1+m) &lt;= low and high &lt;= 1+m</td>
 *       <td>high &lt; 1/(1+m) or low &gt; 1+m</td></tr>
 *   <tr><td>fewer, margin m</td><td>high &lt; m</td><td>low &gt;= m</td></tr>
 *   <tr><td>more, margin m</td><td>low &gt; -m</td><td>high &lt;= -m</td></tr>
 * </table>
 *
 * <p>"Refuted" means the interval lies wholly where the claim does not hold: a candidate measured no better
 * ({@code [1.00, 1.00]} for {@code better} at F = 1) refutes it. Noise enters through the interval alone (it is
 * built from the trials' own spread); the A/A series is a check of the run, never an extra margin, so the
 * spread is not counted twice.
 */
public final class VerdictRule {
    private VerdictRule() {
    }

    /**
     * @param verdict {@link ClaimVerdict#SUPPORTED}, {@link ClaimVerdict#REFUTED} or
     *                {@link ClaimVerdict#INCONCLUSIVE}
     * @param why     the bound that decided it, in words
     */
    public record Outcome(String verdict, String why) {
    }

    public static Outcome judge(Hypothesis h, double factor, double margin, double low, double high) {
        return switch (h) {
            case BETTER -> above(low, high, factor, "better by at least " + ClaimsJudge.factor(factor) + "x");
            case NOT_WORSE -> above(low, high, 1 / (1 + margin), "worse by at most " + pct(margin));
            case SAME -> same(low, high, margin);
            case FEWER -> low >= margin ? refuted("interval at or above " + num(margin))
                    : high < margin ? new Outcome(ClaimVerdict.SUPPORTED, "interval below " + num(margin))
                    : inconclusive("interval straddles " + num(margin));
            case MORE -> high <= -margin ? refuted("interval at or below " + num(-margin))
                    : low > -margin ? new Outcome(ClaimVerdict.SUPPORTED, "interval above " + num(-margin))
                    : inconclusive("interval straddles " + num(-margin));
        };
    }

    /**
     * The improvement factors where a ratio hypothesis changes verdict: F for {@code better}, 1/(1+m) for
     * {@code not-worse}, both ends of [1/(1+m), 1+m] for {@code same}; none for counts.
     */
    public static double[] ratioBounds(Hypothesis h, double factor, double margin) {
        return switch (h) {
            case BETTER -> new double[] {factor};
            case NOT_WORSE -> new double[] {1 / (1 + margin)};
            case SAME -> new double[] {1 / (1 + margin), 1 + margin};
            case FEWER, MORE -> new double[0];
        };
    }

    private static Outcome above(double low, double high, double bound, String what) {
        String b = ClaimsJudge.factor(bound);
        if (low > bound) {
            return new Outcome(ClaimVerdict.SUPPORTED, what + ": interval above " + b);
        }
        return high <= bound ? refuted(what + ": interval at or below " + b)
                : inconclusive(what + ": interval straddles " + b);
    }

    private static Outcome same(double low, double high, double margin) {
        double lo = 1 / (1 + margin);
        double hi = 1 + margin;
        String range = "[" + ClaimsJudge.factor(lo) + ", " + ClaimsJudge.factor(hi) + "]";
        if (low >= lo && high <= hi) {
            return new Outcome(ClaimVerdict.SUPPORTED, "the same within " + pct(margin) + ": interval inside "
                    + range);
        }
        if (high < lo || low > hi) {
            return refuted("the same within " + pct(margin) + ": interval outside " + range);
        }
        return inconclusive("the same within " + pct(margin) + ": interval not inside " + range);
    }

    private static Outcome refuted(String why) {
        return new Outcome(ClaimVerdict.REFUTED, why);
    }

    private static Outcome inconclusive(String why) {
        return new Outcome(ClaimVerdict.INCONCLUSIVE, why);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** A difference for people: up to 3 decimals, sign always shown. */
    public static String num(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%+.0f" : Math.abs(v) >= 1 ? "%+.2f" : "%+.3f", v);
    }
}
