/**
 * What else ran on the CPUs a step was measured on: {@link org.pairbench.core.interference.CpuJiffies} parses
 * {@code /proc/stat}, {@link org.pairbench.core.interference.InterferenceArithmetic} turns two readings and the run's
 * own processes' CPU time into {@link org.pairbench.core.result.Interference} (the method and its error bounds are in
 * its javadoc), and {@link org.pairbench.core.interference.InterferenceBound} says when a step is disturbed. The
 * readings are taken by the runner ({@code StepSampler} for a step, {@code ProgramInterference} for an in-process
 * trial), which also retries a disturbed step once. Pure arithmetic, no I/O but {@link
 * org.pairbench.core.interference.CpuJiffies#readSystem()}; any thread.
 */
package org.pairbench.core.interference;
