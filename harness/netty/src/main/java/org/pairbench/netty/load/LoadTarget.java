package org.pairbench.netty.load;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Where load goes and how it is exchanged: the loopback address, the timeout of one exchange, and a fresh
 * {@link LoadProtocol} for each worker. Implementations refuse any address that is not loopback.
 */
public interface LoadTarget {

    InetSocketAddress address();

    /** An exchange unanswered this long after its send is recorded at this value and counted as a timeout. */
    Duration timeout();

    /** A protocol instance for one worker (or one pool of idle connections). */
    LoadProtocol newProtocol();
}
