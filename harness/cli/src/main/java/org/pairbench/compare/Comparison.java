package org.pairbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.Metric;
import org.pairbench.core.verdict.NoiseFloors;
import org.pairbench.core.verdict.TrialValues;

/**
 * {@code pairbench compare}'s judgement of a current run against a baseline run: variant by variant, step by step,
 * metric by metric, and claim by claim. Pure; reads two {@link ComparedRun}s, writes nothing. Stateless once built.
 *
 * <p><b>The rule.</b> For each metric of {@link #METRICS} at each step of each variant, the means over each run's
 * valid trials (failed and generator-INVALID trials left out, as for verdicts) are compared. The change is allowed
 * up to {@code max(--threshold, A/A noise)}, the A/A noise being the larger of the two runs' noise floors for that
 * metric ({@link NoiseFloors#select}; none when neither run has an A/A series). A metric has
 * <em>regressed</em> when the current mean is worse by more than that allowance <em>and</em> the trials do not
 * overlap: every current trial is worse than every baseline trial (with one trial per run this is the mean rule
 * alone). Beyond the allowance with overlapping trials is <em>within-spread</em>: reported, not failed. A step
 * valid in the baseline that failed in the current run counts as a regression. Runs that measured different
 * things ({@link RunMatch}) are not compared at all.
 *
 * <p>Claims: each verdict of the two runs' claims.json side by side; a changed verdict is reported, but does not
 * by itself fail the comparison (the metrics it rests on do).
 */
public final class Comparison {
    /** Exit code: nothing got worse beyond what the noise allows. */
    public static final int OK = 0;
    /** Exit code: at least one metric regressed (or a step failed). */
    public static final int REGRESSION = 4;
    /** Exit code: the runs measured different things; nothing was compared. */
    public static final int MISMATCHED = 5;
    /** The least change that counts when no A/A series says more, percent. */
    public static final double DEFAULT_THRESHOLD_PCT = 10;
    /** What is compared at each step. */
    public static final List<Metric> METRICS = List.of(Metric.THROUGHPUT, Metric.P50, Metric.P99,
            Metric.CPU_PER_REQUEST);

    private final ComparedRun baseline;
    private final ComparedRun current;
    private final double thresholdPct;
    private final List<String> mismatches;
    private final List<MetricChange> changes;
    private final List<ClaimChange> claims;

    private Comparison(ComparedRun baseline, ComparedRun current, double thresholdPct, List<String> mismatches,
                       List<MetricChange> changes, List<ClaimChange> claims) {
        this.baseline = baseline;
        this.current = current;
        this.thresholdPct = thresholdPct;
        this.mismatches = List.copyOf(mismatches);
        this.changes = List.copyOf(changes);
        this.claims = List.copyOf(claims);
    }

    public static Comparison of(ComparedRun baseline, ComparedRun current, double thresholdPct) {
        List<String> mismatches = RunMatch.mismatches(baseline, current);
        if (!mismatches.isEmpty()) {
            return new Comparison(baseline, current, thresholdPct, mismatches, List.of(), List.of());
        }
        return new Comparison(baseline, current, thresholdPct, mismatches,
                metrics(baseline.summary(), current.summary(), thresholdPct),
                claims(baseline.claims(), current.claims()));
    }

    public int exitCode() {
        if (!mismatches.isEmpty()) {
            return MISMATCHED;
        }
        return changes.stream().anyMatch(MetricChange::regression) ? REGRESSION : OK;
    }

    public ComparedRun baseline() {
        return baseline;
    }

    public ComparedRun current() {
        return current;
    }

    public double thresholdPct() {
        return thresholdPct;
    }

    public List<String> mismatches() {
        return mismatches;
    }

    public List<MetricChange> changes() {
        return changes;
    }

    public List<ClaimChange> claims() {
        return claims;
    }

    /**
     * One claim's verdict in both runs.
     *
     * @param id       claim comparison id
     * @param before   the baseline's verdict, null when the baseline has no such claim
     * @param after    the current verdict, null when the current run has none
     * @param effectBefore baseline effect, or null
     * @param effectAfter  current effect, or null
     */
    public record ClaimChange(String id, String before, String after, Double effectBefore, Double effectAfter) {
        public boolean changed() {
            return before == null || !before.equals(after);
        }
    }

    static List<MetricChange> metrics(RunSummary base, RunSummary cur, double thresholdPct) {
        var baseFloors = NoiseFloors.measure(base, METRICS);
        var curFloors = NoiseFloors.measure(cur, METRICS);
        List<MetricChange> out = new ArrayList<>();
        for (WorkloadResult wb : base.workloads()) {
            WorkloadResult wc = cur.workloads().stream().filter(w -> w.workload().equals(wb.workload())).findFirst()
                    .orElse(null);
            if (wc == null) {
                continue;
            }
            for (Map.Entry<String, Set<String>> e : stepsByVariant(wb, wc).entrySet()) {
                for (String step : e.getValue()) {
                    for (Metric m : METRICS) {
                        Allowance allowed = allowance(baseFloors, curFloors, wb.workload(), step, m, thresholdPct);
                        MetricChange c = change(wb, wc, e.getKey(), step, m, allowed);
                        if (c != null) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Variant to step ids, baseline order first, then what only the current run has. */
    private static Map<String, Set<String>> stepsByVariant(WorkloadResult wb, WorkloadResult wc) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (WorkloadResult w : List.of(wb, wc)) {
            for (StepResult s : w.steps()) {
                out.computeIfAbsent(s.variant(), v -> new LinkedHashSet<>()).add(s.step());
            }
        }
        return out;
    }

    private record Allowance(double pct, String from) {
    }

    private static Allowance allowance(List<NoiseFloors.NoiseFloor> a, List<NoiseFloors.NoiseFloor> b,
                                       String workload, String step, Metric m, double thresholdPct) {
        NoiseFloors.Selected sa = NoiseFloors.select(a, workload, step, m.key());
        NoiseFloors.Selected sb = NoiseFloors.select(b, workload, step, m.key());
        NoiseFloors.Selected larger = sa == null ? sb : sb == null ? sa
                : sb.floor().noisePct() > sa.floor().noisePct() ? sb : sa;
        if (larger == null || larger.floor().noisePct() <= thresholdPct) {
            return new Allowance(thresholdPct, larger == null ? "threshold (no A/A series)"
                    : "threshold (A/A noise " + String.format(Locale.ROOT, "%.1f%%", larger.floor().noisePct())
                    + " is less)");
        }
        return new Allowance(larger.floor().noisePct(), "A/A noise: " + larger.source());
    }

    private static MetricChange change(WorkloadResult wb, WorkloadResult wc, String variant, String step, Metric m,
                                       Allowance allowed) {
        TrialValues tb = TrialValues.of(wb, variant, step, m);
        TrialValues tc = TrialValues.of(wc, variant, step, m);
        Range b = Range.of(tb);
        Range c = Range.of(tc);
        if (b == null && c == null) {
            return null; // the metric is not available at this step in either run (no CPU figures, say)
        }
        if (b == null || c == null) {
            String status = b != null && failed(wc, variant, step) ? MetricChange.FAILED : MetricChange.NOT_COMPARED;
            String note = b == null ? "no valid baseline trial" + notes(tb) : "no valid current trial" + notes(tc);
            return row(wb.workload(), variant, step, m, b, c, null, allowed, status, note);
        }
        boolean lower = !m.higherIsBetter();
        double worse = lower ? ratio(c.mean, b.mean) : ratio(b.mean, c.mean);
        double worsePct = (worse - 1) * 100;
        double betterPct = (1 / worse - 1) * 100;
        boolean allWorse = lower ? c.min > b.max : c.max < b.min;
        boolean allBetter = lower ? c.max < b.min : c.min > b.max;
        String status;
        if (worsePct > allowed.pct) {
            status = allWorse ? MetricChange.REGRESSED : MetricChange.WITHIN_SPREAD;
        } else if (betterPct > allowed.pct) {
            status = allBetter ? MetricChange.IMPROVED : MetricChange.WITHIN_SPREAD;
        } else {
            status = MetricChange.UNCHANGED;
        }
        return row(wb.workload(), variant, step, m, b, c, worsePct, allowed, status, null);
    }

    private static MetricChange row(String workload, String variant, String step, Metric m, Range b, Range c,
                                    Double worsePct, Allowance allowed, String status, String note) {
        return new MetricChange(workload, variant, step, m.key(), m.unit(), b == null ? null : b.mean,
                b == null ? null : b.min, b == null ? null : b.max, b == null ? 0 : b.n, c == null ? null : c.mean,
                c == null ? null : c.min, c == null ? null : c.max, c == null ? 0 : c.n, worsePct, allowed.pct,
                allowed.from, status, note);
    }

    /** Whether the step did not complete in the run (failed status, or its variant's trial failed before it). */
    private static boolean failed(WorkloadResult w, String variant, String step) {
        boolean stepFailed = w.steps().stream().anyMatch(s -> s.variant().equals(variant) && s.step().equals(step)
                && !StepResult.OK.equals(s.status()));
        boolean absent = w.steps().stream().noneMatch(s -> s.variant().equals(variant) && s.step().equals(step));
        return stepFailed || absent && w.failures().stream().anyMatch(f -> f.variant().equals(variant)
                || "(all)".equals(f.variant()));
    }

    private static String notes(TrialValues t) {
        return t.leftOut().isEmpty() ? "" : " (" + String.join(", ", t.leftOut()) + ")";
    }

    private static double ratio(double num, double den) {
        if (den == 0) {
            return num == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return num / den;
    }

    /** Mean and range of one side's valid trials. */
    private record Range(double mean, double min, double max, int n) {
        static Range of(TrialValues t) {
            if (t.byTrial().isEmpty()) {
                return null;
            }
            var s = t.byTrial().values().stream().mapToDouble(Double::doubleValue).summaryStatistics();
            return new Range(s.getAverage(), s.getMin(), s.getMax(), (int) s.getCount());
        }
    }

    static List<ClaimChange> claims(ClaimsReport base, ClaimsReport cur) {
        Map<String, ClaimVerdict> before = new LinkedHashMap<>();
        Map<String, ClaimVerdict> after = new LinkedHashMap<>();
        if (base != null) {
            base.claims().forEach(c -> before.put(c.id(), c));
        }
        if (cur != null) {
            cur.claims().forEach(c -> after.put(c.id(), c));
        }
        // the current run's claims only: a claim of a workload the current run did not measure (a CI job running
        // part of the reference's suite) is not a change
        List<ClaimChange> out = new ArrayList<>();
        for (String id : after.keySet()) {
            ClaimVerdict b = before.get(id);
            ClaimVerdict a = after.get(id);
            out.add(new ClaimChange(id, b == null ? null : b.verdict(), a == null ? null : a.verdict(),
                    b == null ? null : b.effect(), a == null ? null : a.effect()));
        }
        return out;
    }
}
