package org.pairbench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.PlannedWallTime;
import org.pairbench.core.spec.Suite;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.core.spec.Workload;

/**
 * What a run will do, in order: for each workload, the profile it runs and its trials. Variants are interleaved
 * over trials in A B C, C B A, A B C ... order (ABBA for a pair), so that slow drift of the machine (thermal,
 * other tenants) falls on every variant alike rather than on whichever ran last. Immutable.
 *
 * @param shard with {@code --shard}: the part of the suite these workloads are (for run.json); else null
 */
public record RunPlan(Suite suite, List<WorkloadPlan> workloads, RunMetadata.ShardInfo shard) {

    public RunPlan(Suite suite, List<WorkloadPlan> workloads) {
        this(suite, workloads, null);
    }

    /** One trial: a fresh start of one variant, its warm-up, then every step of the profile. */
    public record Trial(String variant, int number) {
    }

    /** A workload with the profile it runs and its trials in run order. */
    public record WorkloadPlan(Workload workload, LoadProfile profile, List<Trial> trials) {
        /** Planned wall seconds of one trial of one variant ({@link PlannedWallTime}: load and overheads). */
        public double trialSeconds() {
            return PlannedWallTime.trialSeconds(profile, workload.inProcess());
        }

        /** Planned wall seconds of the parity round, before the first trial (none in-process). */
        double paritySeconds() {
            return PlannedWallTime.paritySeconds(workload.variants().size(), workload.inProcess());
        }

        /** Planned wall seconds of the whole workload: its parity round and every trial. */
        public double plannedSeconds() {
            int variants = workload.variants().size(); // the A/A twin included
            return PlannedWallTime.workloadSeconds(variants, profile, trials.size() / variants,
                    workload.inProcess());
        }
    }

    /** The workload's trials with {@code profile}, its A/A twin added; {@code trialsOverride} 0: the profile's. */
    public static WorkloadPlan plan(Workload workload, LoadProfile profile, int trialsOverride) {
        int trials = trialsOverride > 0 ? trialsOverride : profile.trials();
        Workload measured = withAaTwin(workload, profile.aaVariant());
        List<String> variants = new ArrayList<>(measured.variants().keySet());
        return new WorkloadPlan(measured, profile, interleave(variants, trials));
    }

    /**
     * The workload with the profile's A/A variant added a second time, under the name {@code <variant>.aa}: the
     * same service, started and measured as a separate arm, so that the A'/A ratio shows how much two runs of
     * the same thing differ on this machine (the noise floor verdicts are judged against).
     */
    static Workload withAaTwin(Workload w, String aaVariant) {
        if (aaVariant == null) {
            return w;
        }
        VariantSpec a = w.variants().get(aaVariant);
        Map<String, VariantSpec> variants = new LinkedHashMap<>(w.variants());
        variants.put(aaVariant + LoadProfile.AA_SUFFIX, new VariantSpec(aaVariant + LoadProfile.AA_SUFFIX,
                "A/A twin of " + aaVariant + ": the same service measured as a second arm (noise floor)",
                a.launch(), a.host(), a.env(), a.settings(), a.guide()));
        return w.withVariants(variants);
    }

    /** A B C, C B A, A B C, ...: each round reverses the previous one. */
    static List<Trial> interleave(List<String> variants, int trials) {
        List<Trial> out = new ArrayList<>();
        for (int round = 0; round < trials; round++) {
            List<String> order = new ArrayList<>(variants);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String v : order) {
                out.add(new Trial(v, round + 1));
            }
        }
        return out;
    }

    /** Planned wall seconds of the run: its start ({@link PlannedWallTime#RUN_START_SEC}) and every workload. */
    public double plannedSeconds() {
        return PlannedWallTime.RUN_START_SEC + workloads.stream().mapToDouble(WorkloadPlan::plannedSeconds).sum();
    }
}
