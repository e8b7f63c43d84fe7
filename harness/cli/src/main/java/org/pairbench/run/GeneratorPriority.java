package org.pairbench.run;

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
 * this JVM (the sampler that encodes .hlog intervals, JSON writing, JIT compiler, GC) is lowered to nice 19. They
 * share the generator's core, and without this a millisecond of interval encoding could delay due requests.
 * Raising a nice value needs no privilege. Threads created later by a lowered thread inherit its nice value.
 * Best effort: where {@code renice} or /proc is missing, nothing changes and the recorded generator lag shows
 * the cost.
 */
final class GeneratorPriority {
    static final int BACKGROUND_NICE = 19;

    private GeneratorPriority() {
    }

    /** Lowers every thread of this process except {@code generatorTids}; returns how many were lowered. */
    static int lowerAllBut(Collection<Long> generatorTids) {
        List<String> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.map(p -> p.getFileName().toString())
                    .filter(tid -> !generatorTids.contains(Long.parseLong(tid)))
                    .forEach(tids::add);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (tids.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(BACKGROUND_NICE), "-p"));
        command.addAll(tids);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? tids.size() : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
