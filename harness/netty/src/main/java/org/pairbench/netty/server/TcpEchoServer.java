package org.pairbench.netty.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.atomic.AtomicLong;
import org.pairbench.netty.Transport;

/**
 * A TCP echo server inside the harness: writes back every byte it reads, in order, passing the read buffer on
 * without copying, and flushes once per batch of reads. It is the native reference of the tcp-echo workload
 * (run as a process of its own by {@link TcpEchoServerMain}) and the known truth the TCP echo driver is tested
 * against. When a slow reader fills the socket, it stops reading from that connection until the data drains, so
 * a client cannot make it buffer without bound. Counts connections and bytes received.
 *
 * <p>Threading: connections are served on the group's event loops; the counters may be read from any thread.
 */
public final class TcpEchoServer extends LoopbackServer {
    private final AtomicLong bytesReceived = new AtomicLong();
    private final ChannelHandler echo = new Echo();

    private TcpEchoServer(EventLoopGroup group, Transport transport, int port) throws InterruptedException {
        bind(group, transport, port);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 for an ephemeral one). */
    public static TcpEchoServer start(EventLoopGroup group, Transport transport, int port)
            throws InterruptedException {
        return new TcpEchoServer(group, transport, port);
    }

    @Override
    protected void configure(ChannelPipeline pipeline) {
        pipeline.addLast(echo);
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Shared by every connection: it holds no per-connection state. */
    @ChannelHandler.Sharable
    private final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            bytesReceived.addAndGet(((ByteBuf) msg).readableBytes());
            // the buffer read is the buffer written: no copy; the write releases it
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
            if (!ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
