package org.pairbench.report.data;

import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The rows of the claims' forest plot, from {@code claims.json}: one per claim whose effect is a ratio and was
 * measured, in the file's order, with its 95% interval (clipped to what a log axis can show) and the bounds its
 * hypothesis is judged against. Counts (a difference, possibly 0 or negative) have no place on a log axis and
 * no-data claims have no effect: both are counted apart. Pure.
 *
 * @param rows    the plotted claims, top to bottom
 * @param skipped claims not plotted: counts and claims without an effect
 */
public record ForestRows(List<Row> rows, int skipped) {
    /** Lowest and highest value drawn: intervals reaching past them are cut there (an interval of 5e-11 exists). */
    public static final double CLIP_LOW = 1e-3;
    public static final double CLIP_HIGH = 1e4;

    public ForestRows {
        rows = List.copyOf(rows);
    }

    /**
     * One claim.
     *
     * @param id         claim id
     * @param verdict    its verdict
     * @param effect     the improvement factor (above 1: the candidate better)
     * @param low        the interval's lower bound, clipped
     * @param high       its upper bound, clipped
     * @param thresholds the bounds of the hypothesis: F for better, 1/(1+m) for not-worse, both ends for same
     */
    public record Row(String id, String verdict, double effect, double low, double high, List<Double> thresholds) {
        public Row {
            thresholds = List.copyOf(thresholds);
        }
    }

    public static ForestRows of(ClaimsReport claims) {
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        for (ClaimVerdict c : claims.claims()) {
            if (c.difference() || c.effect() == null || !(c.effect() > 0)) {
                skipped++;
                continue;
            }
            double low = c.ciLow() == null ? c.effect() : c.ciLow();
            double high = c.ciHigh() == null ? c.effect() : c.ciHigh();
            rows.add(new Row(c.id(), c.verdict(), clip(c.effect()), clip(low), clip(high), thresholds(c)));
        }
        return new ForestRows(rows, skipped);
    }

    /** The bounds a ratio claim's interval is judged against (see VerdictRule). */
    static List<Double> thresholds(ClaimVerdict c) {
        return switch (c.hypothesis()) {
            case "better" -> List.of(c.factor() == null ? 1.0 : c.factor());
            case "not-worse" -> List.of(1 / (1 + margin(c)));
            case "same" -> List.of(1 / (1 + margin(c)), 1 + margin(c));
            default -> List.of();
        };
    }

    private static double margin(ClaimVerdict c) {
        return c.margin() == null ? 0 : c.margin();
    }

    private static double clip(double v) {
        return Math.max(CLIP_LOW, Math.min(CLIP_HIGH, v));
    }
}
