/**
 * In-process workloads ({@code kind: inprocess}): each trial is one run of the variant's pyperf benchmark program,
 * started by the target runtime like a service but run to completion, its cases read back from pyperf's JSON as
 * steps. {@link org.pairbench.inprocess.InProcessWorkloadRunner} runs a workload's trials,
 * {@link org.pairbench.inprocess.InProcessTrialExecutor} one trial, {@link org.pairbench.inprocess.ProgramInterference}
 * measures what else ran on the CPUs over a program's run, and {@link org.pairbench.inprocess.PyperfSystemCheck}
 * records pyperf's system checks once per run. The suite runner ({@code org.pairbench.run.SuiteRunner}) drives them.
 *
 * <p>Threading: everything here runs on the suite runner's thread; programs are polled, not waited on, so Ctrl-C
 * ({@code RunControl}) stops them within a poll period.
 */
package org.pairbench.inprocess;
