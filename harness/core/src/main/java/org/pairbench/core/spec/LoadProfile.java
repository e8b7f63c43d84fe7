package org.pairbench.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * A named way to load a workload ({@code smoke}, {@code quick}, {@code full}): how many trials, the warm-up each
 * trial starts with, and the steps each trial runs in order.
 *
 * @param name          key in the workload's {@code profiles:} mapping
 * @param trials        how many times each variant is measured; variants are interleaved A B B A ...
 * @param trialWarmup   closed-loop warm-up at the start of every trial, recorded and tagged {@code warmup}
 * @param warmupConnections connections used by the trial warm-up
 * @param steps         the measured steps, in order
 * @param aaVariant     a variant measured twice, as itself and as its A/A twin ({@link #AA_SUFFIX}), to show the
 *                      run-to-run noise on this machine; null for none
 * @param pyperfArgs    in-process workloads: the pyperf options every trial's program gets ({@code --fast},
 *                      {@code --processes 3}, ...); empty for services
 * @param trialTimeout  in-process workloads: how long one trial of one variant may run before it is stopped and
 *                      counted as failed; zero for services
 * @param pyperfValueTime in-process workloads: about how long one pyperf value of one case lasts, for the planned
 *                      wall time only ({@link PlannedWallTime}); zero: pyperf's calibrated value
 *                      ({@link PlannedWallTime#DEFAULT_PYPERF_VALUE})
 */
public record LoadProfile(String name, int trials, Duration trialWarmup, int warmupConnections,
                          List<StepSpec> steps, String aaVariant, List<String> pyperfArgs, Duration trialTimeout,
                          Duration pyperfValueTime) {
    /** Suffix of the A/A twin's name: {@code aiohttp} is measured again as {@code aiohttp.aa}. */
    public static final String AA_SUFFIX = ".aa";

    public LoadProfile {
        steps = List.copyOf(steps);
        pyperfArgs = List.copyOf(pyperfArgs);
    }

    /** A profile of a service workload. */
    public LoadProfile(String name, int trials, Duration trialWarmup, int warmupConnections, List<StepSpec> steps,
                       String aaVariant) {
        this(name, trials, trialWarmup, warmupConnections, steps, aaVariant, List.of(), Duration.ZERO, Duration.ZERO);
    }

    /** Largest connection count any step or the warm-up opens; services must accept at least this many. */
    public int maxConnections() {
        int max = warmupConnections;
        for (StepSpec s : steps) {
            max = Math.max(max, s.connections() + s.idleConnections()
                    + (s.probe() != null ? StepSpec.probeConnections(s.probe(), s.timeout()) : 0));
        }
        return max;
    }

    /**
     * Seconds of load one trial of one variant is given (trial warm-up, each step's warm-up and duration); the
     * wall time, with what the runner spends around the load, is {@link PlannedWallTime}'s.
     */
    public Duration plannedTrialTime() {
        Duration total = trialWarmup;
        for (StepSpec s : steps) {
            total = total.plus(s.warmup()).plus(s.duration());
        }
        return total;
    }
}
