package org.pairbench.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.pairbench.core.net.LoopbackGuard;

/**
 * Loopback addresses and free ports for targets, shared by every runtime (with host networking a container
 * shares the host's ports). Stateless; any thread.
 *
 * <p>Both checks bind with {@code SO_REUSEADDR} on, as the Python servers do, so a port that only has
 * connections in TIME_WAIT counts as free (the service will bind it) while a port someone listens on does not.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** A port the kernel considers free on {@code host} now: bind port 0, read it, close. */
    public static int freePort(InetAddress host) throws TargetException {
        try (ServerSocket socket = bind(host, 0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TargetException("cannot find a free port on " + host.getHostAddress() + ": " + e.getMessage(),
                    null, List.of(), e);
        }
    }

    /** Fails with "port N on HOST is in use" when something already listens on that port. */
    public static void requireFree(InetAddress host, int port) throws TargetException {
        try {
            bind(host, port).close(); // bound and released: free
        } catch (IOException e) {
            throw new TargetException("port " + port + " on " + host.getHostAddress() + " is in use", null, List.of(),
                    e);
        }
    }

    /** The address, refused unless it is a loopback one (load only ever goes to 127.0.0.1 or ::1). */
    public static InetAddress requireLoopback(String host) throws TargetException {
        try {
            return LoopbackGuard.requireLoopback(host);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage());
        }
    }

    private static ServerSocket bind(InetAddress host, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port), 1);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
