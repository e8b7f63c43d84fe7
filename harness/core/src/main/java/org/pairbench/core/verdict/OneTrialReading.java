package org.pairbench.core.verdict;

import java.util.List;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;

/**
 * What one paired trial says about a claim: the effect of the first trial valid on both sides (the candidate's
 * improvement factor, or candidate minus baseline for a count), read as {@link ClaimsJudge} reads it but with no
 * interval, which one pair cannot give. For the quick suite's closing comparison with the published reference:
 * a first look on this machine, never a verdict. Pure and stateless.
 *
 * @param effect the one-trial effect, or null when there is none
 * @param note   why there is none ({@link #FULL_ONLY}: the run's profile has no step the claim reads), else null
 */
public record OneTrialReading(Double effect, String note) {
    /** The note of a claim whose step only the full profile measures. */
    public static final String FULL_ONLY = "full only";

    /** The reading of claim {@code c} (as judged on this run) from this run's results. */
    public static OneTrialReading of(RunSummary run, ClaimVerdict c) {
        WorkloadResult w = run.workloads().stream().filter(x -> x.workload().equals(c.workload())).findFirst()
                .orElse(null);
        if (w == null) {
            return none("not measured");
        }
        if (w.steps().stream().noneMatch(s -> s.step().equals(c.step()))) {
            return none(FULL_ONLY);
        }
        if (ClaimSpec.CV.equals(c.statistic())) {
            return none("a spread needs trials");
        }
        Metric metric = Metric.parse(c.metric());
        TrialValues a = TrialValues.of(w, c.baseline(), c.step(), metric);
        TrialValues b = TrialValues.of(w, c.candidate(), c.step(), metric);
        List<Integer> pairs = TrialValues.paired(a, b);
        if (pairs.isEmpty()) {
            // the first left-out trial's kind only (failed, INVALID, not measured): claims.json has the whole reason
            List<String> out = a.leftOut().isEmpty() ? b.leftOut() : a.leftOut();
            String side = a.leftOut().isEmpty() ? c.candidate() : c.baseline();
            return none(out.isEmpty() ? "no valid pair" : side + " " + out.get(0).replaceFirst(" \\(.*$", ""));
        }
        int first = pairs.get(0);
        double av = a.byTrial().get(first);
        double bv = b.byTrial().get(first);
        if (c.difference()) {
            return new OneTrialReading(bv - av, null);
        }
        if (!(av > 0) || !(bv > 0)) {
            return none("a side measured 0");
        }
        return new OneTrialReading(ClaimSpec.HIGHER_IS_BETTER.equals(c.direction()) ? bv / av : av / bv, null);
    }

    /**
     * Which side of the claim's threshold an effect lies on: {@link ClaimVerdict#SUPPORTED} or
     * {@link ClaimVerdict#REFUTED} (the verdict an interval of that single point would get), so two readings
     * point the same way when their sides are equal.
     */
    public static String side(ClaimVerdict c, double effect) {
        Hypothesis h = Hypothesis.parse(c.hypothesis());
        double factor = c.factor() == null ? Double.NaN : c.factor();
        double margin = c.margin() == null ? (h.count() ? 0 : Double.NaN) : c.margin();
        return VerdictRule.judge(h, factor, margin, effect, effect).verdict();
    }

    private static OneTrialReading none(String note) {
        return new OneTrialReading(null, note);
    }
}
