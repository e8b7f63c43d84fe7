package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.LoadProfile;

/**
 * The run-to-run noise of this machine, from the run's A/A series: a variant {@code V} measured a second time as
 * {@code V.aa} ({@link LoadProfile#AA_SUFFIX}), interleaved like any pair. For each step and metric, the A'/A
 * ratio of means gets the same paired bootstrap interval as a claim; the noise is how far that interval strays
 * from 1, either way: {@code max(ciHigh, 1/ciLow) - 1}. Two measurements of the same service differ by that much
 * here. Used by {@code pairbench compare} as the least change it reports; verdicts on claims use
 * {@link AaComparisons} instead. Pure; no I/O.
 */
public final class NoiseFloors {
    private NoiseFloors() {
    }

    /**
     * The run-to-run noise of one metric on this machine: the same variant measured as two arms (A and A').
     *
     * @param workload  the workload of the A/A series
     * @param variant   the variant measured twice
     * @param metric    the metric
     * @param step      the step it was read from
     * @param noisePct  the largest deviation from 1 of the A'/A ratio's 95% interval, percent
     * @param trials    paired trials
     */
    public record NoiseFloor(String workload, String variant, String metric, String step, double noisePct,
                             int trials) {
    }

    /** Every A/A noise floor of the run for the given metrics, in run order (workload, step, metric). */
    public static List<NoiseFloor> measure(RunSummary run, Collection<Metric> metrics) {
        List<NoiseFloor> out = new ArrayList<>();
        for (WorkloadResult w : run.workloads()) {
            for (String variant : aaVariants(w)) {
                for (String step : stepIds(w, variant)) {
                    for (Metric m : metrics) {
                        NoiseFloor f = measure(w, variant, step, m);
                        if (f != null) {
                            out.add(f);
                        }
                    }
                }
            }
        }
        return out;
    }

    static NoiseFloor measure(WorkloadResult w, String variant, String step, Metric metric) {
        TrialValues a = TrialValues.of(w, variant, step, metric);
        TrialValues twin = TrialValues.of(w, variant + LoadProfile.AA_SUFFIX, step, metric);
        List<Integer> pairs = TrialValues.paired(a, twin);
        if (pairs.isEmpty()) {
            return null;
        }
        PairedBootstrap.Estimate e = PairedBootstrap.ratio(twin.at(pairs), a.at(pairs),
                PairedBootstrap.Statistic.MEAN, PairedBootstrap.seed(w.workload() + "/" + variant + "/" + step
                        + "/" + metric.key()));
        double noise = Math.max(1, Math.max(e.ciHigh(), 1 / e.ciLow())) - 1;
        if (Double.isInfinite(noise) || Double.isNaN(noise)) {
            return null; // one arm measured 0 in some trials: no finite bound to judge against
        }
        return new NoiseFloor(w.workload(), variant, metric.key(), step, round(noise * 100), pairs.size());
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

    private static Set<String> stepIds(WorkloadResult w, String variant) {
        Set<String> out = new LinkedHashSet<>();
        w.steps().stream().filter(s -> s.variant().equals(variant)).forEach(s -> out.add(s.step()));
        return out;
    }

    /**
     * The noise floor a comparison of {@code metric} at {@code step} of {@code workload} is judged against: the
     * A/A noise at that very step if the workload has an A/A series there; else the largest of that workload's
     * A/A noise for the metric; else the largest A/A noise of the metric anywhere in the run (another workload's
     * service, so said in the source); null when the run has no A/A figure for the metric at all.
     */
    public static Selected select(List<NoiseFloor> floors, String workload, String step, String metric) {
        NoiseFloor same = null;
        NoiseFloor inWorkload = null;
        NoiseFloor anywhere = null;
        for (NoiseFloor f : floors) {
            if (!f.metric().equals(metric)) {
                continue;
            }
            if (f.workload().equals(workload) && f.step().equals(step)) {
                same = larger(same, f);
            }
            if (f.workload().equals(workload)) {
                inWorkload = larger(inWorkload, f);
            }
            anywhere = larger(anywhere, f);
        }
        if (same != null) {
            return new Selected(same, "A/A noise of " + same.variant() + " at this step (" + trials(same) + ")");
        }
        if (inWorkload != null) {
            return new Selected(inWorkload, "largest A/A noise of " + metric + " in " + workload + " ("
                    + inWorkload.variant() + " at " + inWorkload.step() + ", " + trials(inWorkload) + ")");
        }
        if (anywhere != null) {
            return new Selected(anywhere, "no A/A series in " + workload + ": the largest A/A noise of " + metric
                    + " in this run (" + anywhere.workload() + ", " + anywhere.variant() + " at " + anywhere.step()
                    + ", " + trials(anywhere) + ")");
        }
        return null;
    }

    private static NoiseFloor larger(NoiseFloor a, NoiseFloor b) {
        return a == null || b.noisePct() > a.noisePct() ? b : a;
    }

    private static String trials(NoiseFloor f) {
        return f.trials() + (f.trials() == 1 ? " trial" : " trials");
    }

    private static double round(double pct) {
        return Math.round(pct * 100) / 100.0;
    }

    /**
     * A chosen noise floor and where it comes from, in words for the verdict's reason.
     *
     * @param floor  the A/A figure
     * @param source where it comes from
     */
    public record Selected(NoiseFloor floor, String source) {
        public double fraction() {
            return floor.noisePct() / 100;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f%% (%s)", floor.noisePct(), source);
        }
    }
}
