package org.pairbench.targets;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.core.spec.TargetLaunch;

/**
 * Where and how target services run: as local child processes ({@code local}) or in containers
 * ({@code docker}). The runner sees only this interface, so every workload runs on every runtime.
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

    /**
     * Starts a program that runs to completion (an in-process benchmark) as {@link #start} starts a service: the
     * same interpreter, working directory, environment, CPU pinning and log file, but nothing to connect to, so it
     * returns as soon as the program runs. A {@code {port}} placeholder is still filled in. The caller waits for
     * {@link RunningTarget#exitCode()}, then calls {@link RunningTarget#stop()}, after which the log file holds
     * everything the program wrote.
     */
    RunningTarget startProgram(TargetRequest request) throws TargetException;

    /**
     * Starts the PostgreSQL server a workload's variants use (db-pool), on 127.0.0.1 and a free port, pinned to the
     * target CPUs, with user and database {@code pairbench} and a password generated for it (scram-sha-256).
     * The variants reach it at {@link DatabaseService#dsn()}; the caller closes it after the workload's last
     * variant.
     *
     * <p>Each runtime runs the server the way it runs its targets (the local runtime: a throwaway local cluster;
     * the docker runtime: a container), configured alike through {@code postgres.PostgresConventions}.
     *
     * @param workDir        where a local cluster's directory goes (a new directory in it, deleted on close)
     * @param cpus           CPU list to pin the server to, e.g. "1"; empty or null: not pinned
     * @param maxConnections the server's {@code max_connections}
     * @param progress       receives one-line messages (where it runs, pinning not possible)
     * @throws TargetException PostgreSQL not installed or its image not built (the message says what to do), or
     *                         a failed start; nothing is left running then
     */
    DatabaseService startPostgres(Path workDir, String cpus, int maxConnections, Consumer<String> progress)
            throws TargetException;

    /**
     * The runtime a variant with this launch actually runs on, recorded with the variant when it differs from
     * {@link #name()} (the docker runtime runs command variants as local processes).
     */
    default String runtimeFor(TargetLaunch launch) {
        return name();
    }

    /**
     * The interpreter of the local Python environment the targets run in, after {@link #prepare()}: where the
     * guide's snippets run. Null for a runtime whose targets do not run on it (the docker runtime).
     */
    default Path localPython() {
        return null;
    }

    /** How containers ran the targets (images, limits), for run.json; null for runtimes without containers. */
    default RunMetadata.ContainerInfo containerInfo() {
        return null;
    }

    /** Stops every target this runtime started and has not stopped yet. Idempotent. */
    @Override
    void close();
}
