package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.verdict.ClaimsReport.AaSeries;

/**
 * A run's A/A series: a variant {@code V} measured a second time as {@code V.aa} ({@link LoadProfile#AA_SUFFIX}),
 * interleaved like any pair, compared with itself by the method claims are judged with ({@link PairedInterval}).
 *
 * <p><b>How noise enters a verdict.</b> A claim's interval is built from its own pairs' spread, so the run's noise
 * is in it already; adding an A/A floor on top would count the spread twice. The A/A series is a check of the
 * run instead: two measurements of one service should give a 99% interval that contains 1 (0 for a count). When
 * that interval excludes it at a claim's metric and step, something in this run (a busy machine, a drift that
 * pairing did not cancel) makes the same code look different, and the run cannot judge that claim: the judge
 * says so on the claim rather than widening its interval. Only the workload's own A/A counts, never another
 * workload's, and only with at least {@value ClaimsJudge#MIN_PAIRS} pairs. Pure; no I/O.
 */
public final class AaComparisons {
    /**
     * The A/A interval's confidence: 99%, so that a sound run is called unable to judge a claim in 1% of claims,
     * not 5%: the check screens for a run that went wrong, and each false alarm costs a verdict.
     */
    public static final double CONFIDENCE = 0.99;

    private AaComparisons() {
    }

    /** Every A/A comparison of the run for the given metrics, in run order (workload, twin, step, metric). */
    public static List<AaSeries> measure(RunSummary run, Collection<Metric> metrics) {
        List<AaSeries> out = new ArrayList<>();
        for (WorkloadResult w : run.workloads()) {
            for (String variant : aaVariants(w)) {
                for (String step : w.steps().stream().filter(s -> s.variant().equals(variant))
                        .map(s -> s.step()).distinct().toList()) {
                    for (Metric m : metrics) {
                        AaSeries a = measure(w, variant, step, m);
                        if (a != null) {
                            out.add(a);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The A'/A comparison at one step and metric, or null with fewer than two valid pairs (or a zero value). */
    static AaSeries measure(WorkloadResult w, String variant, String step, Metric metric) {
        TrialValues a = TrialValues.of(w, variant, step, metric);
        TrialValues twin = TrialValues.of(w, variant + LoadProfile.AA_SUFFIX, step, metric);
        List<Integer> pairs = TrialValues.paired(a, twin);
        if (pairs.size() < ClaimsJudge.MIN_PAIRS) {
            return null;
        }
        double[] av = a.at(pairs);
        double[] tv = twin.at(pairs);
        if (!metric.count() && (!ClaimsJudge.allPositive(av) || !ClaimsJudge.allPositive(tv))) {
            return null;
        }
        PairedInterval.Estimate e = compare(tv, av, metric.count());
        return new AaSeries(w.workload(), variant, metric.key(), step,
                metric.count() ? ClaimVerdict.DIFFERENCE : ClaimVerdict.RATIO, e.effect(), e.low(), e.high(),
                pairs.size(), differs(e, metric.count()));
    }

    /** The twin against its variant, A'/A (or A' - A for a count), with the interval at {@link #CONFIDENCE}. */
    static PairedInterval.Estimate compare(double[] twin, double[] a, boolean count) {
        return count ? PairedInterval.difference(twin, a, CONFIDENCE) : PairedInterval.ratio(twin, a, CONFIDENCE);
    }

    /** Whether an A/A interval says the two measurements of one service differ: it excludes 1 (0 for a count). */
    static boolean differs(PairedInterval.Estimate aa, boolean count) {
        double none = count ? 0 : 1;
        return aa.low() > none || aa.high() < none;
    }

    /** Variants of the workload that have an A/A twin among its steps. */
    static Set<String> aaVariants(WorkloadResult w) {
        Set<String> out = new LinkedHashSet<>();
        for (StepResult s : w.steps()) {
            if (s.variant().endsWith(LoadProfile.AA_SUFFIX)) {
                out.add(s.variant().substring(0, s.variant().length() - LoadProfile.AA_SUFFIX.length()));
            }
        }
        return out;
    }

    /** The A/A series of a workload at a metric and step, or null when the run has none there. */
    public static AaSeries find(List<AaSeries> all, String workload, String metric, String step) {
        for (AaSeries a : all) {
            if (a.workload().equals(workload) && a.metric().equals(metric) && a.step().equals(step)) {
                return a;
            }
        }
        return null;
    }
}
