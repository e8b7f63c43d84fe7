package org.pairbench.generator;

import java.time.Duration;

/**
 * When a step counts as limited by the generator rather than by the target, and is marked invalid.
 *
 * @param maxLagP99     largest acceptable 99th percentile of the generator lag (open loop)
 * @param maxCpuShare   largest acceptable generator CPU use in a closed-loop step, as a share of its cores
 * @param cores         cores the generator may use (its pinning), for the CPU share
 */
public record GeneratorLimits(Duration maxLagP99, double maxCpuShare, int cores) {
    public static final Duration DEFAULT_MAX_LAG_P99 = Duration.ofMillis(1);
    public static final double DEFAULT_MAX_CPU_SHARE = 0.9;
}
