package org.pairbench.targets;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a started target accepts connections, the same way in every runtime, and turns the ways this can
 * fail into the same messages: the service exited at start-up (with its exit code and last output lines), it did
 * not listen in time, or the runtime was closed meanwhile (Ctrl-C).
 *
 * <p>Stateless; blocks the caller's thread, polling every {@link ReadinessProbe#pollInterval()}.
 */
public final class ReadinessWait {
    /** Lines of output a start-up failure shows. */
    public static final int LOG_LINES = 20;

    private ReadinessWait() {
    }

    /**
     * @param label   {@code workload/variant}, for messages
     * @param closed  true once the runtime was closed
     * @throws TargetException when the target did not become ready; the caller stops it
     */
    public static void await(RunningTarget target, String label, ReadinessProbe probe, Duration timeout,
                             BooleanSupplier closed) throws TargetException {
        InetSocketAddress endpoint = target.address();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (closed.getAsBoolean()) {
                    throw new TargetException(label + " was stopped while starting: the runtime closed");
                }
                if (!target.isAlive()) {
                    if (closed.getAsBoolean()) {
                        throw new TargetException(label + " was stopped while starting: the runtime closed");
                    }
                    int code = target.exitCode().orElse(-1);
                    throw new TargetException(label + " exited at start-up with code " + code, code,
                            target.logTail(LOG_LINES), null);
                }
                // alive after the probe too: a listener that is not our service must not count as ready
                if (probe.isReady(endpoint) && target.isAlive()) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new TargetException(label + " did not accept connections on "
                            + endpoint.getAddress().getHostAddress() + ":" + endpoint.getPort() + " within "
                            + seconds(timeout), null, target.logTail(LOG_LINES), null);
                }
                Thread.sleep(probe.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while " + label + " was starting");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
