package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.settings.EffectiveSettings;

/**
 * Says when a throughput comparison measures a thread pool's size: a variant that runs its blocking call in a
 * fixed number of threads serves at most threads / blocking time requests a second, whatever its library does.
 * The count is the one its process reported ({@code thread-pool}, read back), else the one its workload file
 * states. Stateless.
 */
final class PoolBound {
    static final String SETTING = "thread-pool";

    private PoolBound() {
    }

    /** The reason's pool-size note for a throughput claim, or null when no compared variant has a sized pool. */
    static String describe(ClaimSpec spec, WorkloadResult w) {
        if (!Metric.THROUGHPUT.equals(spec.metric())) {
            return null;
        }
        List<String> pools = new ArrayList<>();
        for (String name : List.of(spec.baseline(), spec.candidate())) {
            w.variants().stream().filter(v -> v.name().equals(name)).findFirst().map(PoolBound::threads)
                    .ifPresent(t -> pools.add(name + " runs the blocking call in " + t + " threads"));
        }
        return pools.isEmpty() ? null : "a pool-size result: " + String.join(", ", pools)
                + " (capacity = threads / blocking time: the figure is that pool's size as much as the library's)";
    }

    /** The variant's thread count, or null when it has no fixed pool (none, green threads, prose). */
    static String threads(VariantInfo v) {
        String reported = v.effective() == null ? null : v.effective().get(SETTING);
        String declared = v.settings().get(SETTING);
        String t = reported != null ? reported : declared == null ? null : EffectiveSettings.statedValue(declared);
        return t != null && t.chars().allMatch(Character::isDigit) ? t : null;
    }
}
