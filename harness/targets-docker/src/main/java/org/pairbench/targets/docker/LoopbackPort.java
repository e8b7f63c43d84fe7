package org.pairbench.targets.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.targets.TargetException;

/**
 * The loopback address and port a container's service listens on. With host networking the container shares the
 * host's ports, so a port the kernel gives the harness now is one the service can bind. Stateless; any thread.
 */
final class LoopbackPort {
    private LoopbackPort() {
    }

    /** The address, refused unless it is a loopback one (load only ever goes to 127.0.0.1 or ::1). */
    static InetAddress requireLoopback(String host) throws TargetException {
        try {
            return LoopbackGuard.requireLoopback(host);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage());
        }
    }

    /** A port free on {@code host} now (bound with SO_REUSEADDR, as the Python servers bind). */
    static int free(InetAddress host) throws TargetException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TargetException("cannot find a free port on " + host.getHostAddress() + ": " + e.getMessage(),
                    null, List.of(), e);
        }
    }
}
