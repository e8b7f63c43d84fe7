package org.pairbench.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * The planned wall time of a run, modeled from the workload files alone (nothing is timed on this machine at run
 * time): the load each step and warm-up is given ({@link LoadProfile#plannedTrialTime}) plus what the runner
 * spends around it, which the load alone leaves out (30-60% of a full run). {@code pairbench list}, the progress
 * line's "left" and {@code --shard}'s split all use it.
 *
 * <p>The overheads were calibrated on local-runtime full runs on the quiet 2-core machine (2026-12-07, the full
 * profiles of then, 3 trials): the time between one trial's target start and the next, against the load it was
 * given, across http-hello, tcp-echo, fan-out, blocking and migration-path (1.5 to 8 s per trial more than the
 * load); and the gap between consecutive pyperf worker processes of the in-process workloads. Modeled so, those
 * runs come out within 6% of their measured wall time (http-hello -3%, tcp-echo +3%, fan-out and blocking +3%,
 * the in-process workloads with migration-path +6%); single workloads within about 10%, except migration-path
 * (+21%) and awaitlet-depth (+27%), both short. Not modeled: a machine shared with other work, and steps retried
 * because such work disturbed them (each adds its length again).
 *
 * <p>Stateless; thread-safe.
 */
public final class PlannedWallTime {
    /**
     * Once per run, before the first workload: the Python environment check, the guide snippets, pyperf's system
     * check, the generator's hiccup measurement (4 s) and warm-up (3 s).
     */
    public static final double RUN_START_SEC = 15;
    /** Per variant of a service workload, once: the parity round starts it, reads its settings back, stops it. */
    public static final double PARITY_PER_VARIANT_SEC = 0.5;
    /** Per trial of a service: starting the target and waiting until it accepts, then stopping it. */
    public static final double TARGET_START_SEC = 1.0;
    /**
     * Per service step (and the trial warm-up): opening its connections and priming its probe, letting requests
     * in flight at its end drain (up to its timeout when the step overloaded the target), writing its .hlog.
     */
    public static final double STEP_OVERHEAD_SEC = 0.45;
    /** Per in-process trial: the benchmark program's start, imports, census and JSON. */
    public static final double PROGRAM_START_SEC = 1.0;
    /** Per pyperf worker process: spawned by pyperf, it imports the program before timing. */
    public static final double PYPERF_WORKER_SEC = 0.2;
    /**
     * One pyperf value when the profile gives no {@code value-time}: pyperf calibrates the loops to the first power
     * of two whose value passes its 100 ms minimum, so a value lasts 100 to 200 ms.
     */
    public static final Duration DEFAULT_PYPERF_VALUE = Duration.ofMillis(150);

    // pyperf's own defaults (pyperf.Runner): 20 worker processes, 3 values and 1 warm-up each
    private static final int PYPERF_DEFAULT_PROCESSES = 20;
    private static final int PYPERF_DEFAULT_VALUES = 3;
    private static final int PYPERF_DEFAULT_WARMUPS = 1;

    private PlannedWallTime() {
    }

    /** Planned seconds of one trial of one variant: a service's start, warm-up and steps, or one pyperf run. */
    public static double trialSeconds(LoadProfile profile, boolean inProcess) {
        if (inProcess) {
            return pyperfRunSeconds(profile);
        }
        double sec = TARGET_START_SEC;
        if (!profile.trialWarmup().isZero()) {
            sec += trialWarmupSeconds(profile);
        }
        for (StepSpec s : profile.steps()) {
            sec += stepSeconds(s);
        }
        return sec;
    }

    /** Planned seconds of a service trial's warm-up, zero when the profile has none. */
    public static double trialWarmupSeconds(LoadProfile profile) {
        return profile.trialWarmup().isZero() ? 0 : seconds(profile.trialWarmup()) + STEP_OVERHEAD_SEC;
    }

    /** Planned seconds of one service step: its warm-up, its duration and the overhead around them. */
    public static double stepSeconds(StepSpec step) {
        return seconds(step.warmup()) + seconds(step.duration()) + STEP_OVERHEAD_SEC;
    }

    /** Planned seconds of a workload's parity round (none for an in-process workload). */
    public static double paritySeconds(int variants, boolean inProcess) {
        return inProcess ? 0 : variants * PARITY_PER_VARIANT_SEC;
    }

    /**
     * Planned seconds of a whole workload: its parity round and every trial of every variant.
     *
     * @param variants variants measured, the A/A twin included
     */
    public static double workloadSeconds(int variants, LoadProfile profile, int trials, boolean inProcess) {
        return paritySeconds(variants, inProcess) + (double) variants * trials * trialSeconds(profile, inProcess);
    }

    /**
     * One pyperf run of every case: per case, each worker process (plus a calibration process when the loops are
     * not given) runs its warm-ups and values.
     */
    static double pyperfRunSeconds(LoadProfile profile) {
        List<String> args = profile.pyperfArgs();
        int processes = intOption(args, PYPERF_DEFAULT_PROCESSES, "--processes", "-p");
        int values = intOption(args, PYPERF_DEFAULT_VALUES, "--values", "-n");
        int warmups = intOption(args, PYPERF_DEFAULT_WARMUPS, "--warmups", "-w");
        boolean calibrates = args.stream().noneMatch(a -> a.equals("--loops") || a.equals("-l")
                || a.startsWith("--loops="));
        double valueSec = seconds(profile.pyperfValueTime().isZero() ? DEFAULT_PYPERF_VALUE
                : profile.pyperfValueTime());
        double workerSec = PYPERF_WORKER_SEC + (warmups + values) * valueSec;
        int workers = processes + (calibrates ? 1 : 0);
        return PROGRAM_START_SEC + profile.steps().size() * workers * workerSec;
    }

    /**
     * An integer option's value, given as {@code --name N}, {@code --name=N} or {@code -x N}; else the default (also
     * when it is not a number: pyperf itself refuses that when the trial runs, naming the option).
     */
    private static int intOption(List<String> args, int fallback, String longName, String shortName) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = (a.equals(longName) || a.equals(shortName)) && i + 1 < args.size() ? args.get(i + 1)
                    : a.startsWith(longName + "=") ? a.substring(longName.length() + 1) : null;
            if (value != null) {
                try {
                    return Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
