package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.GuideCode;
import org.pairbench.core.verdict.ClaimsReport.AaSeries;

/**
 * Turns a run's figures into a verdict per claim comparison. Pure: reads a {@link RunSummary}, writes nothing,
 * and gives the same report for the same summary on every machine. Stateless and thread-safe.
 *
 * <p><b>The effect.</b> On a ratio scale, the candidate's improvement factor over the baseline on the claim's
 * metric at its step: {@code B/A} when higher is better, {@code A/B} when lower is better, so above 1 always
 * means the candidate is better; the geometric mean of the per-pair ratios, with the t-interval of
 * {@link PairedInterval}. A {@code cv} claim compares {@code cv(A)/cv(B)} (above 1: the candidate is the more
 * predictable). On a count, the difference candidate minus baseline, with its own t-interval. Only trials valid
 * on both sides are used, as pairs (trial k of A with trial k of B, measured next to each other).
 *
 * <p><b>The verdict</b> is the test of the claim's hypothesis ({@link VerdictRule}) on the 95% interval:
 * {@code supported}, {@code refuted} or {@code inconclusive}; {@code no-data} when the workload was not
 * measured, a variant or step is missing, fewer than {@value #MIN_PAIRS} trials are valid on both sides, or a
 * ratio would need a value of 0. When the workload's own A/A series at that metric and step differs
 * ({@link AaComparisons}), the run cannot judge the claim: the verdict is {@code inconclusive} and the reason
 * says so and what the interval alone would say. <b>Broken</b> is a flag beside the verdict: when a compared
 * variant runs a corrected version of guide code that does not run as written, the verdict is the corrected
 * code's and {@code guideCode} says what the original raises.
 */
public final class ClaimsJudge {
    /** Fewest paired trials a verdict rests on: one pair has no spread to build an interval from. */
    public static final int MIN_PAIRS = 2;

    private ClaimsJudge() {
    }

    /** {@link #judge(RunSummary, List, StepIntervals)} without the interval logs: no allocation of repetitions. */
    public static ClaimsReport judge(RunSummary run, List<ClaimSpec> specs) {
        return judge(run, specs, StepIntervals.NONE);
    }

    /**
     * Every claim whose workload the run holds, in the given order, with the run's A/A series; each measured
     * claim's allocation of repetitions from the per-interval values {@code logs} gives.
     */
    public static ClaimsReport judge(RunSummary run, List<ClaimSpec> specs, StepIntervals logs) {
        Set<Metric> metrics = new LinkedHashSet<>();
        specs.forEach(s -> metrics.add(s.metric()));
        List<AaSeries> aa = AaComparisons.measure(run, metrics);
        List<ClaimVerdict> out = new ArrayList<>();
        for (ClaimSpec spec : specs) {
            run.workloads().stream().filter(x -> x.workload().equals(spec.workload())).findFirst()
                    .ifPresent(w -> out.add(judge(spec, w, aa, logs)));
        }
        return new ClaimsReport(ClaimsReport.SCHEMA, run.runId(), aa, out);
    }

    /** The verdict on one claim from its workload's results, without the interval logs. */
    static ClaimVerdict judge(ClaimSpec spec, WorkloadResult w, List<AaSeries> aa) {
        return judge(spec, w, aa, StepIntervals.NONE);
    }

    /** The verdict on one claim from its workload's results and its steps' interval logs. */
    static ClaimVerdict judge(ClaimSpec spec, WorkloadResult w, List<AaSeries> aa, StepIntervals logs) {
        VerdictFields v = new VerdictFields(spec, w, guideCode(spec, w));
        if (ParityResult.FAILED.equals(w.parity().status())) {
            return v.noData("the workload was not measured: parity failed (" + w.parity().error() + ")");
        }
        for (String variant : List.of(spec.baseline(), spec.candidate())) {
            if (w.variants().stream().noneMatch(i -> i.name().equals(variant))) {
                return v.noData("variant " + variant + " was not in this run's " + w.workload());
            }
        }
        if (w.steps().stream().noneMatch(s -> s.step().equals(spec.step()))) {
            return v.noData("this run's " + w.profile() + " profile has no step " + spec.step());
        }
        TrialValues a = TrialValues.of(w, spec.baseline(), spec.step(), spec.metric());
        TrialValues b = TrialValues.of(w, spec.candidate(), spec.step(), spec.metric());
        List<Integer> pairs = TrialValues.paired(a, b);
        String leftOut = leftOut(spec, a, b);
        if (pairs.size() < MIN_PAIRS) {
            return v.noData(pairs.size() + " paired trial(s) valid at " + spec.step() + ", " + MIN_PAIRS
                    + " needed" + leftOut);
        }
        double[] av = a.at(pairs);
        double[] bv = b.at(pairs);
        PairedInterval.Estimate e = estimate(spec, av, bv);
        if (e == null) {
            return v.noData((ClaimSpec.CV.equals(spec.statistic())
                    ? "a side's values are identical over the trials: no spread to compare"
                    : "a side measured 0 " + spec.metric().unit() + " in some trial: no ratio") + leftOut);
        }
        VerdictRule.Outcome o = VerdictRule.judge(spec.hypothesis(), spec.factor(), spec.margin(), e.low(), e.high());
        AaSeries check = AaComparisons.find(aa, w.workload(), spec.metric().key(), spec.step());
        String verdict = o.verdict();
        // the part that decides first, so that a reason cut to one line still says why
        StringBuilder reason = new StringBuilder(o.why()).append("; ").append(describe(spec, e));
        String pools = PoolBound.describe(spec, w);
        if (pools != null) {
            reason.append("; ").append(pools);
        }
        if (check != null && check.differs()) {
            verdict = ClaimVerdict.INCONCLUSIVE;
            reason.insert(0, "this run cannot judge it: its A/A series differs here (" + aa(check)
                    + "); the interval alone says " + o.verdict() + ": ");
        } else {
            reason.append(check == null ? "; no A/A series at this step in this run"
                    : "; A/A " + aa(check) + ": no difference");
        }
        reason.append(leftOut);
        return v.measured(verdict, reason.toString(), e, pairs, av, bv, check,
                ClaimRepetitions.of(spec, w, pairs, av, bv, e.effect(), logs));
    }

    /** The claim's estimate: a difference for counts, a ratio (or a ratio of spreads) otherwise; null when none. */
    static PairedInterval.Estimate estimate(ClaimSpec spec, double[] av, double[] bv) {
        if (spec.hypothesis().count()) {
            return PairedInterval.difference(bv, av, PairedInterval.CONFIDENCE);
        }
        if (ClaimSpec.CV.equals(spec.statistic())) {
            return PairedInterval.cvRatio(av, bv, PairedInterval.CONFIDENCE);
        }
        if (!allPositive(av) || !allPositive(bv)) {
            return null;
        }
        // the improvement factor: the numerator is the side that is larger when the candidate is better
        return spec.higherIsBetter() ? PairedInterval.ratio(bv, av, PairedInterval.CONFIDENCE)
                : PairedInterval.ratio(av, bv, PairedInterval.CONFIDENCE);
    }

    static boolean allPositive(double[] v) {
        for (double d : v) {
            if (!(d > 0)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(ClaimSpec spec, PairedInterval.Estimate e) {
        String at = " over " + e.pairs() + " paired trials at " + spec.step();
        if (spec.hypothesis().count()) {
            return String.format(Locale.ROOT, "%s: %s minus %s %s [%s, %s] %s%s", spec.metric().key(),
                    spec.candidate(), spec.baseline(), VerdictRule.num(e.effect()), VerdictRule.num(e.low()),
                    VerdictRule.num(e.high()), spec.metric().unit(), at);
        }
        String what = ClaimSpec.CV.equals(spec.statistic()) ? "trial-to-trial CV of " + spec.metric().key()
                : spec.metric().key();
        return what + ": " + spec.candidate() + " better by " + factor(e.effect()) + "x [" + factor(e.low()) + ", "
                + factor(e.high()) + "]" + at;
    }

    private static String aa(AaSeries a) {
        String v = a.variant() + ".aa vs " + a.variant() + " ";
        return ClaimVerdict.DIFFERENCE.equals(a.scale())
                ? v + VerdictRule.num(a.effect()) + " [" + VerdictRule.num(a.ciLow()) + ", " + VerdictRule.num(a.ciHigh()) + "]"
                : v + factor(a.effect()) + "x [" + factor(a.ciLow()) + ", " + factor(a.ciHigh()) + "]";
    }

    private static String leftOut(ClaimSpec spec, TrialValues a, TrialValues b) {
        List<String> notes = new ArrayList<>();
        a.leftOut().forEach(s -> notes.add(spec.baseline() + " " + s));
        b.leftOut().forEach(s -> notes.add(spec.candidate() + " " + s));
        return notes.isEmpty() ? "" : "; left out: " + String.join(", ", notes);
    }

    /** What the guide's original raises, for whichever compared variant stands for broken guide code. */
    static String guideCode(ClaimSpec spec, WorkloadResult w) {
        List<String> broken = new ArrayList<>();
        for (VariantInfo i : w.variants()) {
            boolean compared = i.name().equals(spec.baseline()) || i.name().equals(spec.candidate());
            GuideCode g = i.guide();
            if (compared && g != null && g.corrected()) {
                broken.add(i.name() + ": " + g.original() + " -> " + g.error());
            }
        }
        return broken.isEmpty() ? null : String.join("; ", broken);
    }

    /** A factor for people: 3 significant digits or so. */
    public static String factor(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 0.01 ? "%.2f" : "%.2g", v);
    }
}
