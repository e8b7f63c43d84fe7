package org.pairbench.targets.local;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.pairbench.core.result.ForcedStop;
import org.pairbench.core.result.PortRetry;
import org.pairbench.targets.LogTail;
import org.pairbench.targets.ResourceSample;
import org.pairbench.targets.RunningTarget;

/**
 * One service started by {@link LocalProcessRuntime}: a child process whose stdout and stderr are appended to a
 * log file, measured through {@code /proc}.
 *
 * <p>Threading: {@link #sampleResources()} reads only immutable fields and {@code /proc}, so the sampling thread
 * may call it while the runner's thread uses the rest. {@link #stop()} is synchronized and idempotent: a
 * shutdown hook calling it while the runner is already stopping waits for that stop and returns.
 */
final class LocalTarget implements RunningTarget {
    /** Time between the polite and the forced stop. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String label;
    private final Process process;
    private final InetSocketAddress address;
    private final List<String> command;
    private final Path logFile;
    private final long logOffset;
    private final ProcFs procFs;
    private final Consumer<String> progress;
    private final Consumer<LocalTarget> onStopped;
    private boolean stopped; // guarded by this
    private ForcedStop forcedStop; // guarded by this
    private List<PortRetry> portRetries = List.of(); // set once by the runtime before the target is handed out

    /**
     * @param logOffset size of the log file before this start: the tail shows only this start's lines
     * @param progress  told when a process had to be killed because it ignored SIGTERM
     * @param onStopped told once, after the process is gone (the runtime forgets it)
     */
    LocalTarget(String label, Process process, InetSocketAddress address, List<String> command, Path logFile,
                long logOffset, ProcFs procFs, Consumer<String> progress, Consumer<LocalTarget> onStopped) {
        this.label = label;
        this.process = process;
        this.address = address;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.logOffset = logOffset;
        this.procFs = procFs;
        this.progress = progress;
        this.onStopped = onStopped;
    }

    /** {@code workload/variant}, for messages. */
    String label() {
        return label;
    }

    long pid() {
        return process.pid();
    }

    /** The process and its descendants, now. */
    List<Long> processTree() {
        return procFs.processTree(process.toHandle());
    }

    /** Waits for the exit code of a process that has exited or is exiting. */
    int waitForExit() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public List<String> logTail(int lines) {
        return LogTail.lastLines(logFile, logOffset, lines);
    }

    @Override
    public ResourceSample sampleResources() {
        return procFs.sample(process.toHandle());
    }

    @Override
    public String resourceSource() {
        return ProcFs.SOURCE;
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // list the children first: once the parent is gone they are re-parented and no longer its descendants
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        try {
            tree.forEach(ProcessHandle::destroy); // SIGTERM: servers close their sockets and exit
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            for (ProcessHandle h : tree) {
                awaitExit(h, deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            List<ProcessHandle> stubborn = tree.stream().filter(ProcessHandle::isAlive).toList();
            stubborn.forEach(ProcessHandle::destroyForcibly); // SIGKILL
            if (!stubborn.isEmpty() && !Thread.currentThread().isInterrupted()) {
                // a server that ignores SIGTERM (or hangs in its shutdown): the user must know it was killed
                List<Long> pids = stubborn.stream().map(ProcessHandle::pid).toList();
                String reason = label + ": pid " + pids.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " did not stop within "
                        + STOP_GRACE.toSeconds() + "s of SIGTERM: killed with SIGKILL";
                forcedStop = new ForcedStop(0, ForcedStop.SIGKILL, STOP_GRACE.toSeconds(), pids, reason);
                progress.accept(reason);
            }
            reap();
            onStopped.accept(this);
        }
    }

    @Override
    public synchronized Optional<ForcedStop> forcedStop() {
        return Optional.ofNullable(forcedStop);
    }

    @Override
    public List<PortRetry> portRetries() {
        return portRetries;
    }

    /** The runtime's earlier starts of this variant that met a foreign listener. */
    void portRetries(List<PortRetry> retries) {
        this.portRetries = List.copyOf(retries);
    }

    private static void awaitExit(ProcessHandle h, long nanos) throws InterruptedException {
        try {
            h.onExit().get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException stillRunning) {
            // killed below
        }
    }

    /** Waits briefly for the killed process so that it is gone, not a zombie, when stop() returns. */
    private void reap() {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return label + " (pid " + process.pid() + ", " + address.getAddress().getHostAddress() + ":"
                + address.getPort() + ")";
    }
}
