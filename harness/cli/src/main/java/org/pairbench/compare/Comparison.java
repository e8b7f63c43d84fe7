package org.pairbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.Metric;
import org.pairbench.core.verdict.TrialValues;
import org.pairbench.core.verdict.VerdictText;

/**
 * {@code pairbench compare}'s judgement of a current run against a baseline run: variant by variant, step by step,
 * metric by metric, and claim by claim. Pure; reads two {@link ComparedRun}s, writes nothing. Stateless once built.
 *
 * <p><b>The rule</b> ({@link RegressionRule}): each metric of {@link #METRICS} at each step of each variant that
 * has at least {@value RegressionRule#MIN_TRIALS} valid trials in both runs (failed and generator-INVALID trials
 * left out, as for verdicts) is tested with Welch's t on the logs; Holm's correction over every tested metric
 * keeps the false alarms of the whole comparison at {@value RegressionRule#FAMILY_ALPHA}. A metric has
 * <em>regressed</em> when its change is significant after the correction and worse by more than
 * {@code --threshold}. A metric with too few trials is <em>not-compared</em>, said so, never a regression. A step
 * valid in the baseline that failed in the current run counts as a regression. Runs that measured different
 * things ({@link RunMatch}) are not compared at all.
 *
 * <p>Claims: each verdict of the two runs' claims.json side by side; a changed verdict is reported, and fails the
 * comparison only when asked ({@code --fail-on}).
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
    private final Set<String> failOn;

    private Comparison(ComparedRun baseline, ComparedRun current, double thresholdPct, List<String> mismatches,
                       List<MetricChange> changes, List<ClaimChange> claims, Set<String> failOn) {
        this.baseline = baseline;
        this.current = current;
        this.thresholdPct = thresholdPct;
        this.mismatches = List.copyOf(mismatches);
        this.changes = List.copyOf(changes);
        this.claims = List.copyOf(claims);
        this.failOn = Set.copyOf(failOn);
    }

    public static Comparison of(ComparedRun baseline, ComparedRun current, double thresholdPct) {
        return of(baseline, current, thresholdPct, Set.of());
    }

    /**
     * @param failOn claim verdicts that fail the comparison ({@code refuted}, {@code inconclusive},
     *               {@code no-data}, {@code supported}), and {@value #CHANGED} for any verdict that differs from
     *               the baseline's
     */
    public static Comparison of(ComparedRun baseline, ComparedRun current, double thresholdPct, Set<String> failOn) {
        List<String> mismatches = RunMatch.mismatches(baseline, current);
        if (!mismatches.isEmpty()) {
            return new Comparison(baseline, current, thresholdPct, mismatches, List.of(), List.of(), failOn);
        }
        return new Comparison(baseline, current, thresholdPct, mismatches,
                metrics(baseline.summary(), current.summary(), thresholdPct),
                claims(baseline.claims(), current.claims()), failOn);
    }

    /** {@code --fail-on changed}: a claim whose verdict differs from the baseline's. */
    public static final String CHANGED = "changed";
    /** What {@code --fail-on} accepts. */
    public static final List<String> FAIL_ON = List.of(ClaimVerdict.REFUTED, ClaimVerdict.INCONCLUSIVE,
            ClaimVerdict.NO_DATA, ClaimVerdict.SUPPORTED, CHANGED);

    public int exitCode() {
        if (!mismatches.isEmpty()) {
            return MISMATCHED;
        }
        return changes.stream().anyMatch(MetricChange::regression) || !failingClaims().isEmpty() ? REGRESSION : OK;
    }

    /** The current run's claims whose verdict {@code --fail-on} names (or that changed, with {@code changed}). */
    public List<ClaimChange> failingClaims() {
        return claims.stream().filter(c -> failOn.contains(c.after())
                || failOn.contains(CHANGED) && c.before() != null && c.changed()).toList();
    }

    public Set<String> failOn() {
        return failOn;
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
     * @param effectBefore baseline effect in words (2.92x, -1.00 connections), or null
     * @param effectAfter  current effect in words, or null
     */
    public record ClaimChange(String id, String before, String after, String effectBefore, String effectAfter) {
        public boolean changed() {
            return before == null || !before.equals(after);
        }
    }

    static List<MetricChange> metrics(RunSummary base, RunSummary cur, double thresholdPct) {
        List<Row> rows = new ArrayList<>();
        for (WorkloadResult wb : base.workloads()) {
            WorkloadResult wc = cur.workloads().stream().filter(w -> w.workload().equals(wb.workload())).findFirst()
                    .orElse(null);
            if (wc == null) {
                continue;
            }
            for (Map.Entry<String, Set<String>> e : stepsByVariant(wb, wc).entrySet()) {
                for (String step : e.getValue()) {
                    for (Metric m : METRICS) {
                        Row r = Row.of(wb, wc, e.getKey(), step, m);
                        if (r != null) {
                            rows.add(r);
                        }
                    }
                }
            }
        }
        // every metric of the comparison in one family, so that the false alarms of the whole are bounded
        List<RegressionRule.Sample> samples = rows.stream().map(Row::sample).toList();
        List<RegressionRule.Outcome> outcomes = RegressionRule.judge(samples, thresholdPct);
        List<MetricChange> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).change(outcomes.get(i), thresholdPct));
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

    /** One metric of one variant at one step in both runs. */
    private record Row(String workload, String variant, String step, Metric m, TrialValues tb, TrialValues tc,
                       boolean failedNow) {
        static Row of(WorkloadResult wb, WorkloadResult wc, String variant, String step, Metric m) {
            TrialValues tb = TrialValues.of(wb, variant, step, m);
            TrialValues tc = TrialValues.of(wc, variant, step, m);
            if (tb.byTrial().isEmpty() && tc.byTrial().isEmpty()) {
                return null; // the metric is not available at this step in either run (no CPU figures, say)
            }
            return new Row(wb.workload(), variant, step, m, tb, tc,
                    !tb.byTrial().isEmpty() && tc.byTrial().isEmpty() && failed(wc, variant, step));
        }

        RegressionRule.Sample sample() {
            return new RegressionRule.Sample(values(tb), values(tc), m.higherIsBetter());
        }

        MetricChange change(RegressionRule.Outcome o, double thresholdPct) {
            Range b = Range.of(tb);
            Range c = Range.of(tc);
            boolean tested = !MetricChange.NOT_COMPARED.equals(o.status());
            String status = failedNow ? MetricChange.FAILED : o.status();
            String note = failedNow ? "no valid current trial" + notes(tc)
                    : tested ? null : o.note() + notes(tb.leftOut().isEmpty() ? tc : tb);
            return new MetricChange(workload, variant, step, m.key(), m.unit(), b == null ? null : b.mean,
                    b == null ? null : b.min, b == null ? null : b.max, b == null ? 0 : b.n,
                    c == null ? null : c.mean, c == null ? null : c.min, c == null ? null : c.max, c == null ? 0 : c.n,
                    tested ? pct(o.worse()) : null, tested ? pct(o.ciLow()) : null, tested ? pct(o.ciHigh()) : null,
                    tested ? o.pHolm() : null, thresholdPct, status, note);
        }

        private static double[] values(TrialValues t) {
            return t.byTrial().values().stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static double pct(double factor) {
            return (factor - 1) * 100;
        }
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
                    b == null ? null : VerdictText.effect(b, "x"), a == null ? null : VerdictText.effect(a, "x")));
        }
        return out;
    }
}
