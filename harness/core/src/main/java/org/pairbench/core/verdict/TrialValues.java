package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.WorkloadResult;

/**
 * One metric of one variant at one step, per trial, from a workload's results: only steps that completed
 * ({@code ok}) with a valid generator count; every other trial is left out and said why, so a verdict can state
 * how much of the series it rests on.
 *
 * @param byTrial trial number to value, valid trials only
 * @param leftOut one short note per trial left out ({@code t2 INVALID (generator lag ...)})
 */
public record TrialValues(SortedMap<Integer, Double> byTrial, List<String> leftOut) {
    public TrialValues {
        byTrial = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byTrial));
        leftOut = List.copyOf(leftOut);
    }

    public static TrialValues of(WorkloadResult w, String variant, String step, Metric metric) {
        SortedMap<Integer, Double> values = new TreeMap<>();
        List<String> leftOut = new ArrayList<>();
        SortedSet<Integer> seen = new TreeSet<>();
        for (StepResult s : w.steps()) {
            if (!s.variant().equals(variant) || !s.step().equals(step)) {
                continue;
            }
            seen.add(s.trial());
            String why = problem(s, metric);
            if (why == null) {
                values.put(s.trial(), metric.valueOf(s));
            } else {
                leftOut.add("t" + s.trial() + " " + why);
            }
        }
        for (int trial : trials(w)) {
            if (!seen.contains(trial)) {
                leftOut.add("t" + trial + " not measured" + failure(w, variant, trial));
            }
        }
        return new TrialValues(values, leftOut);
    }

    /** Why a step's value cannot be used, or null when it can. */
    private static String problem(StepResult s, Metric metric) {
        if (!StepResult.OK.equals(s.status())) {
            return "failed" + (s.error() == null ? "" : " (" + s.error() + ")");
        }
        if (s.generator() != null && !s.generator().valid()) {
            return "INVALID" + (s.generator().invalidReason() == null ? "" : " (" + s.generator().invalidReason()
                    + ")");
        }
        Double v = metric.valueOf(s);
        return v == null || v.isNaN() ? "has no " + metric.key() + " value" : null;
    }

    /** Every trial number the workload ran (any variant), so a trial a variant lost entirely is noticed. */
    private static SortedSet<Integer> trials(WorkloadResult w) {
        SortedSet<Integer> out = new TreeSet<>();
        w.steps().forEach(s -> out.add(s.trial()));
        w.failures().stream().filter(f -> f.trial() > 0).forEach(f -> out.add(f.trial()));
        return out;
    }

    private static String failure(WorkloadResult w, String variant, int trial) {
        for (VariantFailure f : w.failures()) {
            if (f.variant().equals(variant) && f.trial() == trial) {
                return " (" + f.reason() + ")";
            }
        }
        return "";
    }

    /** Trial numbers valid on both sides, in order. */
    public static List<Integer> paired(TrialValues a, TrialValues b) {
        List<Integer> out = new ArrayList<>();
        for (int t : a.byTrial.keySet()) {
            if (b.byTrial.containsKey(t)) {
                out.add(t);
            }
        }
        return out;
    }

    public double[] at(List<Integer> trials) {
        return trials.stream().mapToDouble(byTrial::get).toArray();
    }
}
