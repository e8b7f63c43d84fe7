package org.pairbench.inprocess;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.pairbench.core.interference.CpuJiffies;
import org.pairbench.core.interference.InterferenceArithmetic;
import org.pairbench.core.result.Interference;
import org.pairbench.run.CpuSides;
import org.pairbench.targets.local.ProcStat;

/**
 * What else ran on the CPUs while an in-process benchmark program ran, from its start to its exit: the
 * {@link InterferenceArithmetic} of a step, over a whole in-process trial. The program's own CPU time is read after
 * it exited and was waited for, from the CPU time of this JVM's reaped children ({@code /proc/self/stat}: the
 * program and its pyperf worker processes, which it waited for); a program in a container is not this JVM's child,
 * so its CPU is the last reading taken while it ran (what it spent after that counts as other work).
 *
 * <p>Threading: the runner's thread.
 */
final class ProgramInterference {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final CpuSides cpus;
    private final long startNs;
    private final Map<Integer, CpuJiffies> cpusStart;
    private final long harnessStartNs;
    private final long childrenStartNs;

    /** Starts the window: call right before the program starts. */
    ProgramInterference(CpuSides cpus) {
        this.cpus = cpus;
        this.startNs = System.nanoTime();
        this.cpusStart = CpuJiffies.readSystem();
        this.harnessStartNs = OS.getProcessCpuTime();
        this.childrenStartNs = ProcStat.reapedChildrenCpuNanos();
    }

    /**
     * Ends the window, once the program has exited and been stopped.
     *
     * @param reaped       whether the program was this JVM's child (a local process), so its CPU is in the reaped
     *                     children's time
     * @param lastCpuNanos the program's CPU time as last read while it ran, for a program that was not; -1 if none
     * @return the figures, judged; null where they could not be read
     */
    Interference end(boolean reaped, long lastCpuNanos) {
        long windowNs = System.nanoTime() - startNs;
        Map<Integer, CpuJiffies> cpusEnd = CpuJiffies.readSystem();
        long harnessNs = OS.getProcessCpuTime() - harnessStartNs;
        long programNs = reaped ? ProcStat.reapedChildrenCpuNanos() - childrenStartNs : lastCpuNanos;
        if (childrenStartNs < 0 || programNs < 0 || harnessStartNs < 0) {
            return null;
        }
        return InterferenceArithmetic.measure(cpusStart, cpusEnd, cpus.generator(), cpus.target(), harnessNs,
                programNs, windowNs, ProcStat.clockTicksPerSecond());
    }
}
