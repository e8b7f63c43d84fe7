package org.pairbench.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives the generator's event-loop threads the core to themselves whenever they have work: every other thread of
 * this JVM (the sampler that packs interval histograms, the target's resource readings, JSON writing, the JIT
 * compiler) runs under Linux's {@code SCHED_IDLE} policy, at nice 19; the VM thread and the garbage collector's
 * threads are left alone. Those threads share the generator's
 * core. Lowering their nice value alone was not enough: the kernel lets a task that started running finish its
 * slice (a few milliseconds) before a woken one preempts it, and the self-test measured 3-4 ms of generator lag
 * once a second, when the sampler ran. A {@code SCHED_IDLE} thread is preempted at once by any ordinary one, so
 * they run only in the generator's idle moments. If the generator is saturated they wait until the step ends,
 * and that step is already marked invalid for using all its CPU. Threads they create inherit the policy.
 * Neither change needs a privilege. Best effort: where {@code chrt}, {@code renice} or /proc is missing, the
 * recorded generator lag shows the cost.
 */
final class GeneratorPriority {
    static final int BACKGROUND_NICE = 19;

    private GeneratorPriority() {
    }

    /**
     * Lowers every thread of this process except {@code keepTids} and the JVM's own VM and garbage-collector
     * threads; returns how many were moved to SCHED_IDLE.
     */
    static int lowerAllBut(Collection<Long> keepTids) {
        List<String> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.filter(task -> !keepTids.contains(Long.parseLong(task.getFileName().toString())))
                    .filter(task -> !isVmOrCollector(name(task)))
                    .forEach(task -> tids.add(task.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (tids.isEmpty()) {
            return 0;
        }
        List<String> renice = new ArrayList<>(List.of("renice", "-n", String.valueOf(BACKGROUND_NICE), "-p"));
        renice.addAll(tids);
        run(renice);
        int idle = 0;
        for (String tid : tids) {
            // chrt takes one thread at a time; SCHED_IDLE has no priority, hence 0
            idle += run(List.of("chrt", "--idle", "-p", "0", tid)) ? 1 : 0;
        }
        return idle;
    }

    /**
     * The VM thread starts safepoints and the collectors free memory: starved by a busy generator, they would
     * stall it longer (a delayed safepoint, an allocation waiting for a collection) than they cost it.
     */
    static boolean isVmOrCollector(String threadName) {
        return threadName.equals("VM Thread") || threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")
                || threadName.startsWith("Z") || threadName.startsWith("Shenandoah");
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
