package org.pairbench.targets;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How a runtime tells that a started service is ready: a check against an endpoint, not against a process or a
 * container, so every runtime shares the same strategies (an improvement on Testcontainers' {@code WaitStrategy},
 * which is tied to a container). The runtime owns the waiting loop: it calls {@link #isReady} every
 * {@link #pollInterval()} and, between calls, checks that the service has not exited.
 *
 * <p>Threading: implementations are stateless and may be called from any thread.
 */
public interface ReadinessProbe {

    /** One attempt: true when the endpoint is ready now. Must return within about a poll interval. */
    boolean isReady(InetSocketAddress endpoint) throws InterruptedException;

    /** Pause between attempts. */
    default Duration pollInterval() {
        return Duration.ofMillis(50);
    }
}
