package org.pairbench.netty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux rounds the timers of ordinary threads up by their "timer slack" (50 us by default) to batch wake-ups.
 * For a load generator that must send at intended times this is pure lateness, so each generator thread sets its
 * own slack to 1 ns through {@code /proc/<tid>/timerslack_ns}. Best effort: elsewhere (not Linux, no permission)
 * the default stays and the generator lag recorded for every request shows the cost.
 *
 * <p>Threading: {@link #minimizeForCurrentThread()} affects only the calling thread.
 */
public final class TimerSlack {
    /** The slack asked for, in nanoseconds. */
    public static final long MINIMAL_NS = 1;

    private TimerSlack() {
    }

    /** Sets the calling thread's timer slack to 1 ns; returns the slack now in force, or -1 if unknown. */
    public static long minimizeForCurrentThread() {
        try {
            Path file = currentThreadFile();
            Files.writeString(file, Long.toString(MINIMAL_NS));
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | RuntimeException e) {
            return current();
        }
    }

    /** The calling thread's timer slack, or -1 when it cannot be read. */
    public static long current() {
        try {
            return Long.parseLong(Files.readString(currentThreadFile()).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The kernel's id of the calling thread (Linux), or -1. */
    public static long currentThreadId() {
        try {
            return Long.parseLong(currentTid());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path currentThreadFile() throws IOException {
        // the writable slack file is /proc/<tid>/timerslack_ns, not under /proc/thread-self
        return Path.of("/proc", currentTid(), "timerslack_ns");
    }

    private static String currentTid() throws IOException {
        // /proc/thread-self links to <pid>/task/<tid>
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }
}
