package org.pairbench.generator;

import java.util.function.Consumer;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.local.CpuAffinity;

/**
 * The CPUs the generator runs on: pins this JVM to them (after provisioning, so pip could use every core) and
 * counts them, the generator's CPU share being measured against that count. Stateless.
 */
public final class GeneratorCpus {
    private GeneratorCpus() {
    }

    /** How many CPUs a kernel CPU list names; every CPU this JVM sees when the list is empty (not pinned). */
    public static int count(String cpuList) {
        return cpuList.isEmpty() ? Runtime.getRuntime().availableProcessors()
                : CpuAffinity.parseCpuList(cpuList).size();
    }

    /**
     * Pins this JVM to {@code cpus}; returns them, or "" when they are empty or pinning failed (the reason goes to
     * {@code notes}: a run goes on unpinned).
     */
    public static String pin(String cpus, Consumer<String> notes) {
        if (cpus.isEmpty()) {
            return "";
        }
        try {
            new CpuAffinity().pinProcess(ProcessHandle.current().pid(), cpus);
            return cpus;
        } catch (TargetException e) {
            notes.accept("Note: could not pin the generator to CPUs " + cpus + ": " + e.getMessage());
            return "";
        }
    }
}
