package org.pairbench.core.result;

/**
 * How much of the CPUs a step ran on went to anything but the run's own processes during its measured period, from
 * {@code /proc/stat}; one {@code interference} of a step in {@code summary.json}. How the figures are taken, and
 * their error, is in {@code org.pairbench.core.interference.InterferenceArithmetic}; the bound that marks a step
 * disturbed in {@code InterferenceBound}. Immutable.
 *
 * @param generatorCpus        the generator's CPUs ({@code all} when it is not pinned)
 * @param targetCpus           the target's CPUs ({@code all} when it is not pinned)
 * @param windowMs             length of the period the figures cover
 * @param generatorCpusBusyMs  time anything ran on the generator's CPUs
 * @param harnessCpuMs         CPU time of the harness's JVM
 * @param generatorCpusOtherMs busy time on the generator's CPUs not spent by the harness's JVM (or, when the two
 *                             sides share CPUs, by it, the target and its database)
 * @param targetCpusBusyMs     time anything ran on the target's CPUs
 * @param targetCpuMs          CPU time of the target's process tree and of the workload's database, when readable
 * @param targetCpusOtherMs    busy time on the target's CPUs not spent by them
 * @param stealMs              steal time of the generator's and the target's CPUs (a hypervisor ran another guest)
 * @param resolutionMs         how far off each "other" figure may be from counting in clock ticks
 * @param disturbed            whether the figures exceed the bound (the step is retried once)
 * @param disturbedReason      which figure exceeded it and by how much, or null
 * @param firstAttempt         when the step was retried because it was disturbed: the first attempt's figures (whose
 *                             measurements the retry's replace); null otherwise
 * @param program              for an in-process step: the benchmark program run these figures cover,
 *                             {@code <variant> t<trial>}; the same figures are on every case of that run, so they
 *                             are the program's, not the case's, and a run's totals ({@link RunInterference}) count
 *                             them once per program; null for a step measured on its own
 */
public record Interference(String generatorCpus, String targetCpus, double windowMs, double generatorCpusBusyMs,
                           double harnessCpuMs, double generatorCpusOtherMs, double targetCpusBusyMs,
                           double targetCpuMs, double targetCpusOtherMs, double stealMs, double resolutionMs,
                           boolean disturbed, String disturbedReason, Interference firstAttempt,
                           String program) {
    /** These figures judged: marked disturbed (with the reason) or not. */
    public Interference judged(String reason) {
        return new Interference(generatorCpus, targetCpus, windowMs, generatorCpusBusyMs, harnessCpuMs,
                generatorCpusOtherMs, targetCpusBusyMs, targetCpuMs, targetCpusOtherMs, stealMs, resolutionMs,
                reason != null, reason, firstAttempt, program);
    }

    /** These figures, of a retry, with the disturbed first attempt's kept beside them. */
    public Interference retryOf(Interference first) {
        return new Interference(generatorCpus, targetCpus, windowMs, generatorCpusBusyMs, harnessCpuMs,
                generatorCpusOtherMs, targetCpusBusyMs, targetCpuMs, targetCpusOtherMs, stealMs, resolutionMs,
                disturbed, disturbedReason, first, program);
    }

    /**
     * These figures (and the first attempt's, if retried) labelled as the whole run of in-process benchmark program
     * {@code program}, which each of its cases carries.
     */
    public Interference ofProgram(String program) {
        return new Interference(generatorCpus, targetCpus, windowMs, generatorCpusBusyMs, harnessCpuMs,
                generatorCpusOtherMs, targetCpusBusyMs, targetCpuMs, targetCpusOtherMs, stealMs, resolutionMs,
                disturbed, disturbedReason, firstAttempt == null ? null : firstAttempt.ofProgram(program), program);
    }
}
