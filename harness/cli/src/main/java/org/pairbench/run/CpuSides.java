package org.pairbench.run;

import java.util.List;
import org.pairbench.targets.local.CpuAffinity;

/**
 * The CPUs the generator (this JVM) and the targets are pinned to, as numbers; an empty list where a side is not
 * pinned (it may run on any CPU). Immutable.
 *
 * @param generator the generator's CPUs
 * @param target    the targets' CPUs (and the workload's database's)
 */
public record CpuSides(List<Integer> generator, List<Integer> target) {
    public CpuSides {
        generator = List.copyOf(generator);
        target = List.copyOf(target);
    }

    /** From kernel CPU lists such as {@code 0} or {@code 1-3}; {@code ""} for a side that is not pinned. */
    public static CpuSides of(String generatorCpus, String targetCpus) {
        return new CpuSides(CpuAffinity.parseCpuList(generatorCpus), CpuAffinity.parseCpuList(targetCpus));
    }
}
