package org.pairbench.targets.docker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.pairbench.targets.ReadinessProbe;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TcpConnectProbe;

/**
 * Waits until a started container's service accepts TCP connections on its loopback port, with the local
 * runtime's probe, and turns the ways this can fail into the same messages: the service exited (with its code and
 * last lines), it did not listen in time, or the runtime was closed meanwhile.
 *
 * <p>Stateless; runs on the caller's thread (the runner's), polling every {@link ReadinessProbe#pollInterval()}.
 */
final class Readiness {
    private static final int LOG_LINES = 20;
    private static final ReadinessProbe PROBE = new TcpConnectProbe();

    private Readiness() {
    }

    static void await(ContainerTarget target, Duration timeout, BooleanSupplier closed) throws TargetException {
        InetSocketAddress endpoint = target.address();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (closed.getAsBoolean()) {
                    throw new TargetException(target.label() + " was stopped while starting: the runtime closed");
                }
                if (!target.isAlive()) {
                    int code = target.exitCode().orElse(-1);
                    throw new TargetException(target.label() + " exited at start-up with code " + code, code,
                            target.logTail(LOG_LINES), null);
                }
                // alive after the probe too: a listener that is not our service must not count as ready
                if (PROBE.isReady(endpoint) && target.isAlive()) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new TargetException(target.label() + " did not accept connections on "
                            + endpoint.getAddress().getHostAddress() + ":" + endpoint.getPort() + " within "
                            + timeout.toSeconds() + "s", null, target.logTail(LOG_LINES), null);
                }
                Thread.sleep(PROBE.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while " + target.label() + " was starting");
        }
    }
}
