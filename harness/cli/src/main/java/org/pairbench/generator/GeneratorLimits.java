package org.pairbench.generator;

import java.time.Duration;
import org.pairbench.core.result.GeneratorCheck;

/**
 * When a step counts as limited by the generator rather than by the target, and is marked invalid (the rule is
 * {@link GeneratorCheck}'s).
 *
 * @param lagFloor      generator lag p99 always tolerated in open loop; above it the bound is a share of the
 *                      step's corrected p99
 * @param maxBusyShare  largest acceptable generator busy share (CPU net of polling) of its cores
 * @param cores         cores the generator may use (its pinning), for the CPU share
 * @param platformP99Us the platform's hiccup p99 on the generator's core, measured before the run, or null
 */
public record GeneratorLimits(Duration lagFloor, double maxBusyShare, int cores, Double platformP99Us) {
    public static final Duration DEFAULT_LAG_FLOOR = Duration.ofNanos((long) (GeneratorCheck.Limits.DEFAULT_LAG_FLOOR_US
            * 1000));
    public static final double DEFAULT_MAX_CPU_SHARE = GeneratorCheck.Limits.DEFAULT_MAX_BUSY_SHARE;

    public GeneratorLimits(Duration lagFloor, double maxBusyShare, int cores) {
        this(lagFloor, maxBusyShare, cores, null);
    }

    public GeneratorCheck.Limits check() {
        return new GeneratorCheck.Limits(lagFloor.toNanos() / 1e3, GeneratorCheck.Limits.DEFAULT_LAG_SHARE,
                maxBusyShare, cores);
    }
}
