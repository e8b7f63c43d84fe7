package org.pairbench.targets;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.pairbench.core.result.ForcedStop;
import org.pairbench.core.result.PortRetry;

/**
 * A started service. Threading: {@link #sampleResources()} is called by the runner's sampling thread while the
 * runner's thread may call the others; implementations must allow that. {@link #stop()} may also come from a
 * shutdown hook.
 */
public interface RunningTarget extends AutoCloseable {

    /** Loopback address and port the service listens on. */
    InetSocketAddress address();

    /** The command line as run (for run metadata and error messages). */
    List<String> command();

    boolean isAlive();

    /** Exit code once the service has exited, else empty. */
    OptionalInt exitCode();

    /** Last lines the service wrote to stdout and stderr, oldest first. */
    List<String> logTail(int lines);

    /**
     * CPU time and resident memory of the service's whole process tree now. CPU time is cumulative since the
     * service started; the runner takes differences.
     */
    ResourceSample sampleResources();

    /** Where {@link #sampleResources()} reads from, e.g. {@code /proc}; recorded with the figures. */
    String resourceSource();

    /** Stops the service (politely, then by force) and its children. Idempotent. */
    void stop();

    /**
     * How {@link #stop()} had to end the service when it ignored the polite request (SIGKILL after the grace), or
     * empty: not stopped yet, stopped politely, or a runtime that does not tell. Its trial is 0; the runner sets it.
     */
    default Optional<ForcedStop> forcedStop() {
        return Optional.empty();
    }

    /**
     * The starts the runtime made again on another port before this one listened, because a foreign process held
     * the port first chosen; empty for most. Their trial is 0; the runner sets it.
     */
    default List<PortRetry> portRetries() {
        return List.of();
    }

    @Override
    default void close() {
        stop();
    }
}
