package org.pairbench.targets;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;

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

    @Override
    default void close() {
        stop();
    }
}
