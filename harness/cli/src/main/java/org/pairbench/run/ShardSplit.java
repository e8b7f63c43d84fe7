package org.pairbench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pairbench.run.RunPlan.WorkloadPlan;

/**
 * Splits a suite's planned workloads into N shards of about equal planned load, for {@code run --shard I/N}.
 *
 * <p>The unit is the workload: a claim compares variants of one workload, and its verdict needs their trials
 * interleaved on one machine, so a workload is never divided. Greedy longest-first: the workloads in order of
 * planned wall seconds ({@link WorkloadPlan#plannedSeconds}, the figure {@code list} and the progress line use),
 * longest first, ties by name, each to the shard with the least planned time so far (ties to the one with the
 * fewest workloads, then the lowest index, so that no shard is left empty). Every
 * machine computes the same split from the same suite, with no coordinator; and the longest shard exceeds the
 * shortest by at most the longest workload (when the last workload joined the longest shard, that shard was the
 * least loaded). Within a shard, workloads keep the suite's order. Stateless.
 */
final class ShardSplit {
    private ShardSplit() {
    }

    /** The workloads of every shard, index 0 for shard 1; each in suite order. */
    static List<List<WorkloadPlan>> split(List<WorkloadPlan> workloads, int count) {
        if (count > workloads.size()) {
            throw new IllegalArgumentException("--shard I/" + count + ": cannot split " + workloads.size()
                    + " workload(s) into " + count + " shards (a workload is never split); N may be at most "
                    + workloads.size());
        }
        List<WorkloadPlan> longestFirst = new ArrayList<>(workloads);
        longestFirst.sort(Comparator.comparingDouble(WorkloadPlan::plannedSeconds).reversed()
                .thenComparing(w -> w.workload().name()));
        double[] loadSeconds = new double[count];
        List<List<WorkloadPlan>> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        for (WorkloadPlan w : longestFirst) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (loadSeconds[i] < loadSeconds[least] || loadSeconds[i] == loadSeconds[least]
                        && shards.get(i).size() < shards.get(least).size()) {
                    least = i;
                }
            }
            loadSeconds[least] += w.plannedSeconds();
            shards.get(least).add(w);
        }
        for (List<WorkloadPlan> shard : shards) {
            shard.sort(Comparator.comparingInt(workloads::indexOf));
        }
        return shards;
    }
}
