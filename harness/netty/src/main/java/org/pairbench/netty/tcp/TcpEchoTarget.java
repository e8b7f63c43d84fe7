package org.pairbench.netty.tcp;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.netty.load.LoadProtocol;
import org.pairbench.netty.load.LoadTarget;

/**
 * TCP echo load: the loopback address, the size of each message (see {@link TcpEchoProtocol} for the framing),
 * and the timeout. Immutable.
 *
 * @param address   target address; refused unless loopback
 * @param sizeBytes bytes of each message, and of the echo that completes it
 * @param timeout   an echo not complete this long after its send is recorded at this value and counted
 */
public record TcpEchoTarget(InetSocketAddress address, int sizeBytes, Duration timeout) implements LoadTarget {
    public TcpEchoTarget {
        address = LoopbackGuard.requireLoopback(address);
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("a TCP echo message needs at least one byte: " + sizeBytes);
        }
    }

    @Override
    public LoadProtocol newProtocol() {
        return new TcpEchoProtocol(sizeBytes);
    }
}
