package org.pairbench.targets.local;

import java.net.InetAddress;
import org.pairbench.targets.LoopbackPorts;
import org.pairbench.targets.TargetException;

/**
 * Chooses the port a target will listen on. The runtime uses {@link #EPHEMERAL}; tests substitute a fixed port
 * to exercise the port-in-use path. Implementations must be thread-safe.
 */
@FunctionalInterface
interface PortAllocator {
    PortAllocator EPHEMERAL = LoopbackPorts::freePort;

    int allocate(InetAddress host) throws TargetException;
}
