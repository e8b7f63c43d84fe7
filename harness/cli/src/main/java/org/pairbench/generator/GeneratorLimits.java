package org.pairbench.generator;

import java.time.Duration;
import java.util.Locale;
import org.pairbench.console.Format;
import org.pairbench.core.spec.StepSpec;

/**
 * When a step counts as limited by the generator rather than by the target, and is marked INVALID: an open-loop
 * step whose generator lag p99 exceeds {@code maxLagP99} (requests went out later than their intended time: the
 * generator, not the target, fell behind), a closed-loop step whose generator CPU share exceeds
 * {@code maxCpuShare} (it may have limited the load). Open loop is judged by its lag alone: its CPU includes the
 * polling before each send on purpose. Immutable.
 *
 * @param maxLagP99     largest acceptable 99th percentile of the generator lag (open loop)
 * @param maxCpuShare   largest acceptable generator CPU use in a closed-loop step, as a share of its cores
 * @param cores         cores the generator may use (its pinning), for the CPU share
 */
public record GeneratorLimits(Duration maxLagP99, double maxCpuShare, int cores) {
    public static final Duration DEFAULT_MAX_LAG_P99 = Duration.ofMillis(1);
    public static final double DEFAULT_MAX_CPU_SHARE = 0.9;

    /**
     * Why a step is INVALID, or null when it is valid.
     *
     * @param step      the step: open loop is judged by its lag, closed loop by its CPU share
     * @param lagP99Us  the generator lag's 99th percentile over the measured period, in microseconds
     * @param cpuShare  the generator's CPU use over the measured period, as a share of its {@link #cores}
     */
    public String invalidReason(StepSpec step, double lagP99Us, double cpuShare) {
        if (step instanceof StepSpec.OpenLoop && lagP99Us > maxLagP99.toNanos() / 1e3) {
            return String.format(Locale.ROOT, "generator lag p99 %s > %s: the generator, not the target, fell "
                    + "behind its schedule", Format.latencyMs(lagP99Us / 1e3),
                    Format.latencyMs(maxLagP99.toNanos() / 1e6));
        }
        if (step instanceof StepSpec.ClosedLoop && cpuShare > maxCpuShare) {
            return String.format(Locale.ROOT, "generator CPU at %.0f%% of its %d core(s) (limit %.0f%%): it may "
                    + "have limited the load", cpuShare * 100, cores, maxCpuShare * 100);
        }
        return null;
    }
}
