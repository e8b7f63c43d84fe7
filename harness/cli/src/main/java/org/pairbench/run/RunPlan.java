package org.pairbench.run;

import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.Suite;
import org.pairbench.core.spec.Workload;

/**
 * What a run will do, in order: for each workload, the profile it runs and its trials. Variants are interleaved
 * over trials in A B C, C B A, A B C ... order (ABBA for a pair), so that slow drift of the machine (thermal,
 * other tenants) falls on every variant alike rather than on whichever ran last. Immutable.
 */
record RunPlan(Suite suite, List<WorkloadPlan> workloads) {

    /** One trial: a fresh start of one variant, its warm-up, then every step of the profile. */
    record Trial(String variant, int number) {
    }

    /** A workload with the profile it runs and its trials in run order. */
    record WorkloadPlan(Workload workload, LoadProfile profile, List<Trial> trials) {
        /** Planned seconds of load for one trial (warm-ups included, start-up and drains not). */
        double trialSeconds() {
            return profile.plannedTrialTime().toNanos() / 1e9;
        }

        double plannedSeconds() {
            return trialSeconds() * trials.size();
        }
    }

    static WorkloadPlan plan(Workload workload, LoadProfile profile, int trialsOverride) {
        int trials = trialsOverride > 0 ? trialsOverride : profile.trials();
        List<String> variants = new ArrayList<>(workload.variants().keySet());
        return new WorkloadPlan(workload, profile, interleave(variants, trials));
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

    double plannedSeconds() {
        return workloads.stream().mapToDouble(WorkloadPlan::plannedSeconds).sum();
    }
}
