package org.pairbench.report.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.verdict.Metric;

/**
 * One figure per phase of a migration, the phases in order: what a ladder chart draws. A workload is a ladder when
 * each of its variants (A/A twins aside) carries a {@value #PHASE_SETTING} setting; its variants are the phases, in
 * the workload's order. Read from {@code summary.json} alone, with the claims' own metric definitions
 * ({@link Metric#valueOf}), so a chart shows exactly what the verdicts judge.
 *
 * <p>Each ladder is one step read on every phase: per request, the closed-loop step with the most connections (the
 * top of the concurrency sweep: the throughput the phase saturates at); per open-loop step, its corrected p99 at
 * that fixed offered rate. Each phase's trials are points; its rung is the median of the trials whose generator was
 * valid, with their lowest and highest (the trials' spread). Failed steps and trials without the figure are left
 * out; a step whose trials are all INVALID still gives a ladder, of crosses only. Immutable.
 *
 * @param metric what is read
 * @param stepId the step it is read at
 * @param label  the step as a legend reads it ({@code item @ 64 conn}, {@code item @ 500/s})
 * @param rungs  one per phase, in phase order; a phase without a value at the step has an empty rung
 */
public record PhaseLadder(Metric metric, String stepId, String label, List<Rung> rungs) {
    /** The variant setting that makes a workload a ladder and names each variant's phase. */
    public static final String PHASE_SETTING = "phase";

    public PhaseLadder {
        rungs = List.copyOf(rungs);
    }

    /**
     * @param variant the phase's variant
     * @param phase   its {@value #PHASE_SETTING} setting
     * @param trials  its trials at the step
     * @param median  the median of the valid trials, or null when none was valid
     * @param low     the lowest valid trial, or null
     * @param high    the highest valid trial, or null
     */
    public record Rung(String variant, String phase, List<Trial> trials, Double median, Double low, Double high) {
        public Rung {
            trials = List.copyOf(trials);
        }
    }

    /** @param valid whether the generator kept up */
    public record Trial(int trial, double value, boolean valid) {
    }

    /** The phases of a ladder workload, in order; empty when the workload is not one. */
    public static List<VariantInfo> phases(WorkloadResult w) {
        List<VariantInfo> phases = w.variants().stream().filter(v -> !isTwin(v.name())).toList();
        boolean ladder = !phases.isEmpty() && phases.stream()
                .allMatch(v -> v.settings() != null && v.settings().get(PHASE_SETTING) != null);
        return ladder ? phases : List.of();
    }

    /** Throughput at the top of each request's closed-loop sweep, one ladder per request. */
    public static List<PhaseLadder> throughput(List<VariantInfo> phases, List<StepResult> steps) {
        Map<String, StepResult> top = new LinkedHashMap<>();
        for (StepResult s : usable(steps, "closed")) {
            top.merge(s.request(), s, (a, b) -> b.connections() > a.connections() ? b : a);
        }
        return top.values().stream().map(s -> ladder(Metric.THROUGHPUT, s.step(),
                s.request() + " @ " + s.connections() + " conn", phases, steps)).flatMap(Optional::stream).toList();
    }

    /** Corrected p99 at each open-loop step (a fixed offered rate), one ladder per step, by request and rate. */
    public static List<PhaseLadder> p99AtFixedRate(List<VariantInfo> phases, List<StepResult> steps) {
        Map<String, StepResult> open = new LinkedHashMap<>();
        usable(steps, "open").stream()
                .sorted(Comparator.comparing(StepResult::request).thenComparing(s -> s.intendedRatePerSec()))
                .forEach(s -> open.putIfAbsent(s.step(), s));
        return open.values().stream().map(s -> ladder(Metric.P99, s.step(),
                s.request() + " @ " + Math.round(s.intendedRatePerSec()) + "/s", phases, steps))
                .flatMap(Optional::stream).toList();
    }

    /**
     * Whether no phase has a trial at the step. A ladder whose trials are all INVALID is not empty: its chart shows
     * them as crosses, with no line, and says why.
     */
    public boolean isEmpty() {
        return rungs.stream().allMatch(r -> r.trials().isEmpty());
    }

    private static Optional<PhaseLadder> ladder(Metric metric, String stepId, String label, List<VariantInfo> phases,
                                                List<StepResult> steps) {
        List<Rung> rungs = new ArrayList<>();
        for (VariantInfo phase : phases) {
            List<Trial> trials = new ArrayList<>();
            for (StepResult s : steps) {
                Double v = phase.name().equals(s.variant()) && stepId.equals(s.step())
                        && StepResult.OK.equals(s.status()) ? metric.valueOf(s) : null;
                if (v != null && Double.isFinite(v)) {
                    trials.add(new Trial(s.trial(), v, s.generator() == null || s.generator().valid()));
                }
            }
            double[] valid = trials.stream().filter(Trial::valid).mapToDouble(Trial::value).sorted().toArray();
            rungs.add(valid.length == 0 ? new Rung(phase.name(), phase.settings().get(PHASE_SETTING), trials, null,
                    null, null) : new Rung(phase.name(), phase.settings().get(PHASE_SETTING), trials,
                    ThroughputLatency.median(valid), valid[0], valid[valid.length - 1]));
        }
        PhaseLadder ladder = new PhaseLadder(metric, stepId, label, rungs);
        return ladder.isEmpty() ? Optional.empty() : Optional.of(ladder);
    }

    private static List<StepResult> usable(List<StepResult> steps, String mode) {
        return steps.stream().filter(s -> mode.equals(s.mode()) && StepResult.OK.equals(s.status())
                && s.step() != null && s.request() != null && !isTwin(s.variant())
                && (!"open".equals(mode) || s.intendedRatePerSec() != null)).toList();
    }

    /** An A/A twin measures a phase again for the noise floor: it is not a phase of its own. */
    private static boolean isTwin(String variant) {
        return variant == null || variant.endsWith(LoadProfile.AA_SUFFIX);
    }
}
