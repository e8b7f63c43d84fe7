package org.pairbench.netty.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import org.pairbench.netty.Transport;

/**
 * How a worker opens one connection: on its event loop, with the protocol's handlers installed by
 * {@code initializer}. The driver uses sockets of the run's {@link Transport}; worker tests use embedded channels
 * on a hand-advanced clock, so the worker's timing can be tested with no socket and no wall clock.
 */
@FunctionalInterface
interface Connector {

    /** Starts opening a connection; the future completes when it is connected (or failed). */
    ChannelFuture connect(ChannelHandler initializer);

    /** Loopback sockets of {@code transport} to {@code target}, on {@code loop}. */
    static Connector sockets(EventLoop loop, Transport transport, LoadTarget target) {
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, target.timeout().toMillis()));
        return initializer -> bootstrap.clone().handler(initializer).connect(target.address());
    }
}
