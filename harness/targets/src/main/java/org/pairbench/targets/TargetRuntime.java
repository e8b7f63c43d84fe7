package org.pairbench.targets;

import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunMetadata.PythonInfo;

/**
 * Where and how target services run: as local child processes ({@code local}) or, later, in containers. The
 * runner sees only this interface, so every workload runs on every runtime.
 *
 * <p>Threading: called from the runner's thread; {@link #close()} may also be called from a shutdown hook
 * (Ctrl-C) while a start is in progress, and must then stop everything this runtime started.
 */
public interface TargetRuntime extends AutoCloseable {

    /** {@code local} or {@code docker}; recorded in run.json. */
    String name();

    /**
     * Makes the targets runnable (for example creates the pinned Python environment once, reused while the lock
     * file is unchanged) and says what they will run with. Called once per run, before any {@link #start}.
     */
    PythonInfo prepare() throws TargetException;

    /**
     * Starts one variant's service on a free loopback port, pinned to the target CPUs, and returns once it
     * accepts connections.
     *
     * @throws TargetException when it cannot start: port in use, exit at start-up, not ready in time; the
     *                         exception carries the exit code and the last lines the service wrote
     */
    RunningTarget start(TargetRequest request) throws TargetException;

    /** How containers ran the targets (images, limits), for run.json; null for runtimes without containers. */
    default RunMetadata.ContainerInfo containerInfo() {
        return null;
    }

    /** Stops every target this runtime started and has not stopped yet. Idempotent. */
    @Override
    void close();
}
