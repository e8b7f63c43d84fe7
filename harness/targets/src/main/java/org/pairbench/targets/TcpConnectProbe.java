package org.pairbench.targets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Ready when a TCP connection to the endpoint succeeds, i.e. the service is listening. The connection is closed
 * at once without sending anything, which every server tolerates. Stateless; any thread.
 */
public final class TcpConnectProbe implements ReadinessProbe {
    private final Duration connectTimeout;

    public TcpConnectProbe() {
        // loopback: a listening port answers in microseconds; a longer wait would only delay noticing an exit
        this(Duration.ofMillis(250));
    }

    public TcpConnectProbe(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public boolean isReady(InetSocketAddress endpoint) throws InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(endpoint, (int) connectTimeout.toMillis());
            return true;
        } catch (IOException notYet) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while probing " + endpoint);
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return "TCP connect";
    }
}
