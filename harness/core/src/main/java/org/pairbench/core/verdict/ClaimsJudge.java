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
import org.pairbench.core.verdict.ClaimsReport.NoiseFloor;

/**
 * Turns a run's figures into a verdict per claim comparison of {@code workloads/claims.yaml}. Pure: reads a
 * {@link RunSummary}, writes nothing, and gives the same report for the same summary on every machine (the
 * bootstrap is seeded by the claim's id). Stateless and thread-safe.
 *
 * <p><b>The effect.</b> The candidate's improvement factor over the baseline on the claim's metric at its step:
 * {@code B/A} when higher is better, {@code A/B} when lower is better, so an effect above 1 always means the
 * candidate (what the guide recommends) is better. Only trials valid on both sides are used, as pairs (trial k
 * of A with trial k of B, measured next to each other); its 95% interval is the paired percentile bootstrap of
 * {@link PairedBootstrap}. A {@code cv} claim compares the trial-to-trial coefficient of variation instead of
 * the mean ({@code cv(A)/cv(B)}: above 1, the candidate is the more predictable).
 *
 * <p><b>The verdict</b>, with threshold {@code T} (the factor the guide implies) and A/A noise {@code n} (a
 * fraction, from {@link NoiseFloors#select}; 0 when the run has no A/A series for the metric, which the reason
 * says):
 * <ul>
 *   <li>{@code no-data}: the workload was not measured, a variant is missing, or fewer than
 *       {@value #MIN_PAIRS} trials are valid on both sides; the reason says which trials were left out and why.
 *   <li>{@code supported}: the whole interval clears the threshold by more than the noise,
 *       {@code ciLow > T × (1 + n)}.
 *   <li>{@code refuted}: the whole interval lies on the other side of the threshold by more than the noise,
 *       {@code ciHigh < T / (1 + n)}.
 *   <li>{@code inconclusive}: anything else: the interval straddles the threshold, or clears it by less than the
 *       noise floor.
 *   <li>{@code broken}: one of the two variants stands for guide code that does not run as written (its
 *       {@link GuideCode} is {@code corrected}); the verdict says what the original raises, and the effect,
 *       interval and the verdict the corrected code earns are still computed and given.
 * </ul>
 *
 * <p>An unbounded ratio (one arm measured 0) is stored as {@value #MAX_FACTOR} (or its inverse), so that
 * {@code claims.json} stays valid JSON; the reason says so.
 */
public final class ClaimsJudge {
    /** Fewest paired trials a verdict rests on: one pair has no spread to build an interval from. */
    public static final int MIN_PAIRS = 2;
    /** Stand-in for an unbounded ratio in claims.json. */
    public static final double MAX_FACTOR = 1e9;

    private ClaimsJudge() {
    }

    /** Every claim whose workload the run holds, in claims.yaml order, with the run's A/A noise floors. */
    public static ClaimsReport judge(RunSummary run, List<ClaimSpec> specs) {
        Set<Metric> metrics = new LinkedHashSet<>();
        specs.forEach(s -> metrics.add(s.metric()));
        List<NoiseFloor> noise = NoiseFloors.measure(run, metrics);
        List<ClaimVerdict> out = new ArrayList<>();
        for (ClaimSpec spec : specs) {
            WorkloadResult w = run.workloads().stream().filter(x -> x.workload().equals(spec.workload()))
                    .findFirst().orElse(null);
            if (w != null) {
                out.add(judge(spec, w, noise));
            }
        }
        return new ClaimsReport(ClaimsReport.SCHEMA, run.runId(), noise, out);
    }

    /** The verdict on one claim from its workload's results. */
    static ClaimVerdict judge(ClaimSpec spec, WorkloadResult w, List<NoiseFloor> floors) {
        Verdict v = new Verdict(spec, w);
        String guide = guideCode(spec, w);
        if (ParityResult.FAILED.equals(w.parity().status())) {
            return v.noData("the workload was not measured: parity failed (" + w.parity().error() + ")", guide);
        }
        for (String variant : List.of(spec.baseline(), spec.candidate())) {
            if (w.variants().stream().noneMatch(i -> i.name().equals(variant))) {
                return v.noData("variant " + variant + " was not in this run's " + w.workload(), guide);
            }
        }
        TrialValues a = TrialValues.of(w, spec.baseline(), spec.step(), spec.metric());
        TrialValues b = TrialValues.of(w, spec.candidate(), spec.step(), spec.metric());
        List<Integer> pairs = TrialValues.paired(a, b);
        if (w.steps().stream().noneMatch(s -> s.step().equals(spec.step()))) {
            return v.noData("this run's " + w.profile() + " profile has no step " + spec.step(), guide);
        }
        if (pairs.size() < MIN_PAIRS) {
            return v.noData(pairs.size() + " paired trial(s) valid at " + spec.step() + ", " + MIN_PAIRS
                    + " needed" + leftOut(spec, a, b), guide);
        }
        double[] av = a.at(pairs);
        double[] bv = b.at(pairs);
        boolean cv = ClaimSpec.CV.equals(spec.statistic());
        PairedBootstrap.Statistic stat = cv ? PairedBootstrap.Statistic.CV : PairedBootstrap.Statistic.MEAN;
        // the improvement factor: numerator is the side that is larger when the candidate is better
        boolean candidateOnTop = spec.higherIsBetter() && !cv;
        long seed = PairedBootstrap.seed(spec.id());
        PairedBootstrap.Estimate e = candidateOnTop ? PairedBootstrap.ratio(bv, av, stat, seed)
                : PairedBootstrap.ratio(av, bv, stat, seed);
        // a spread has no A/A figure to judge it against: the A/A series measures means
        NoiseFloors.Selected selected = cv ? null
                : NoiseFloors.select(floors, w.workload(), spec.step(), spec.metric().key());
        double n = selected == null ? 0 : selected.fraction();
        String measured = rule(e, spec.threshold(), n);
        // the part that decides first, so that a reason cut to one line still says why
        StringBuilder reason = new StringBuilder(explain(measured, e, spec.threshold(), n));
        reason.append("; ").append(describe(spec, e));
        reason.append(selected != null ? "; noise " + selected
                : cv ? "; no noise floor for a spread" : "; no A/A series for " + spec.metric().key()
                + " in this run: noise taken as 0");
        if (e.ratio() == Double.POSITIVE_INFINITY || e.ciHigh() == Double.POSITIVE_INFINITY || e.ciLow() == 0) {
            reason.append("; one arm measured 0 in some resamples: unbounded ratios shown as ")
                    .append(factor(MAX_FACTOR));
        }
        if (!a.leftOut().isEmpty() || !b.leftOut().isEmpty()) {
            reason.append(leftOut(spec, a, b));
        }
        String verdict = measured;
        if (guide != null) {
            verdict = ClaimVerdict.BROKEN;
            reason.insert(0, "guide code does not run as written (" + guide + "); the corrected version measures "
                    + measured + ": ");
        }
        return v.measured(verdict, reason.toString(), e, selected == null ? null : selected.floor().noisePct(),
                pairs, av, bv, guide);
    }

    /** The rule of the class comment, on the measured interval alone. */
    static String rule(PairedBootstrap.Estimate e, double threshold, double noise) {
        if (e.ciLow() > threshold * (1 + noise)) {
            return ClaimVerdict.SUPPORTED;
        }
        if (e.ciHigh() < threshold / (1 + noise)) {
            return ClaimVerdict.REFUTED;
        }
        return ClaimVerdict.INCONCLUSIVE;
    }

    private static String explain(String verdict, PairedBootstrap.Estimate e, double t, double n) {
        return switch (verdict) {
            case ClaimVerdict.SUPPORTED -> "interval above " + factor(t * (1 + n));
            case ClaimVerdict.REFUTED -> "interval below " + factor(t / (1 + n));
            default -> e.ciLow() <= t && e.ciHigh() >= t ? "interval straddles the threshold " + factor(t)
                    : "interval within the noise around the threshold (" + factor(t / (1 + n)) + " .. "
                    + factor(t * (1 + n)) + ")";
        };
    }

    private static String describe(ClaimSpec spec, PairedBootstrap.Estimate e) {
        String what = ClaimSpec.CV.equals(spec.statistic()) ? "trial-to-trial CV of " + spec.metric().key()
                : spec.metric().key();
        return String.format(Locale.ROOT, "%s: %s better by %s× [%s, %s] over %d paired trials at %s",
                what, spec.candidate(), factor(e.ratio()), factor(e.ciLow()), factor(e.ciHigh()), e.pairs(), spec.step());
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
            if (compared && i.guide() != null && i.guide().corrected()) {
                broken.add(i.name() + ": " + i.guide().original() + " -> " + i.guide().error());
            }
        }
        return broken.isEmpty() ? null : String.join("; ", broken);
    }

    /** A factor for people: 3 significant digits or so, {@code inf} for an unbounded one. */
    public static String factor(double v) {
        if (Double.isInfinite(v) || v >= MAX_FACTOR) {
            return "inf";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static double bounded(double v) {
        return Double.isNaN(v) ? 1.0 : Math.max(1 / MAX_FACTOR, Math.min(MAX_FACTOR, v));
    }

    /** The fields every verdict on one claim shares; builds the two shapes, with and without data. */
    private record Verdict(ClaimSpec spec, WorkloadResult w) {
        ClaimVerdict noData(String reason, String guide) {
            return new ClaimVerdict(spec.id(), spec.claim(), spec.words(), spec.page(), spec.workload(),
                    spec.baseline(), spec.candidate(), spec.metric().key(), spec.step(), unit(), spec.direction(),
                    spec.threshold(), ClaimVerdict.NO_DATA, guide == null ? reason : reason
                    + "; the guide code it tests does not run as written (" + guide + ")", null, null, null, null, 0, List.of(), List.of(),
                    guide, evidence(), spec.statistic(), List.of());
        }

        ClaimVerdict measured(String verdict, String reason, PairedBootstrap.Estimate e, Double noisePct,
                              List<Integer> pairs, double[] av, double[] bv, String guide) {
            return new ClaimVerdict(spec.id(), spec.claim(), spec.words(), spec.page(), spec.workload(),
                    spec.baseline(), spec.candidate(), spec.metric().key(), spec.step(), unit(), spec.direction(),
                    spec.threshold(), verdict, reason, bounded(e.ratio()), bounded(e.ciLow()), bounded(e.ciHigh()),
                    noisePct, pairs.size(), boxed(av), boxed(bv), guide, evidence(), spec.statistic(), pairs);
        }

        private String unit() {
            return spec.metric().unit(); // of the per-trial values, also under a cv statistic
        }

        private String evidence() {
            return "#w-" + w.workload();
        }

        private static List<Double> boxed(double[] v) {
            List<Double> out = new ArrayList<>(v.length);
            for (double d : v) {
                out.add(d);
            }
            return out;
        }
    }
}
