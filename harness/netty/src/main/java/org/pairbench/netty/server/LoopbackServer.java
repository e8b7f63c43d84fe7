package org.pairbench.netty.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.pairbench.netty.Transport;

/**
 * What the harness's own servers share: one listening socket on 127.0.0.1 (backlog 4096, TCP_NODELAY on every
 * connection), a count of the connections accepted, and closing. A subclass adds its handlers to each new
 * connection's pipeline in {@link #configure} and calls {@link #bind} once, at the end of its constructor, when
 * the state its handlers use exists.
 *
 * <p>Threading: connections are served on the group's event loops; {@link #address}, the counter and
 * {@link #close} may be used from any thread once {@link #bind} has returned.
 */
public abstract class LoopbackServer implements AutoCloseable {
    private final AtomicLong connections = new AtomicLong();
    private Channel serverChannel;

    /** Adds this server's handlers to a new connection's pipeline; runs on the connection's event loop. */
    protected abstract void configure(ChannelPipeline pipeline);

    /** Listens on {@code port} of 127.0.0.1 (0 for an ephemeral one). */
    protected final void bind(EventLoopGroup group, Transport transport, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Pipeline())
                .bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
    }

    public final InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public final long connectionsAccepted() {
        return connections.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }

    /** Counts each accepted connection and lets the subclass build its pipeline. */
    private final class Pipeline extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel ch) {
            connections.incrementAndGet();
            configure(ch.pipeline());
        }
    }
}
