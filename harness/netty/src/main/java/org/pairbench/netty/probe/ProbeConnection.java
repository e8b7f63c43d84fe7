package org.pairbench.netty.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.netty.Transport;

/**
 * What the parity probes (HTTP, TCP echo, WebSocket echo) share: one fresh connection to a loopback address with
 * the probe's pipeline, its one answer awaited within the timeout, and the connection closed whatever happened.
 * The probes run before anything is measured, never under load.
 *
 * <p>Threading: {@link #await} blocks the calling thread; the pipeline's handlers complete the answer on the
 * connection's event loop.
 */
public final class ProbeConnection {
    private final Channel channel;

    private ProbeConnection(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects to {@code address} (refused unless loopback) with {@code pipeline} as the channel's handler (an
     * initializer, or {@link #pipelineOf}); the connect attempt gives up after {@code timeout}.
     */
    public static ProbeConnection open(EventLoopGroup group, Transport transport, InetSocketAddress address,
                                       Duration timeout, ChannelHandler pipeline) throws InterruptedException {
        LoopbackGuard.requireLoopback(address);
        Channel ch = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                .handler(pipeline)
                .connect(address).sync().channel();
        return new ProbeConnection(ch);
    }

    /** A pipeline of these handlers, for one connection (a probe makes one). */
    public static ChannelHandler pipelineOf(ChannelHandler... handlers) {
        return new FixedPipeline(handlers);
    }

    /** Sends {@code message}; a failed write fails {@code answer}. */
    public void send(Object message, CompletableFuture<?> answer) {
        channel.writeAndFlush(message).addListener(f -> {
            if (!f.isSuccess()) {
                answer.completeExceptionally(f.cause());
            }
        });
    }

    /**
     * The answer, awaited at most {@code timeout}, then closes the connection. A timeout is reported with
     * {@code timeoutMessage}; a failed answer throws its cause.
     */
    public <T> T await(CompletableFuture<T> answer, Duration timeout, Supplier<String> timeoutMessage)
            throws Exception {
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException(timeoutMessage.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            channel.close();
        }
    }

    /** Adds the given handlers to the one connection it initializes. */
    private static final class FixedPipeline extends ChannelInitializer<SocketChannel> {
        private final ChannelHandler[] handlers;

        FixedPipeline(ChannelHandler... handlers) {
            this.handlers = handlers;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(handlers);
        }
    }
}
