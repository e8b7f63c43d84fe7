package org.pairbench.netty.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
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
public final class TcpEchoServer implements AutoCloseable {
    private final Channel serverChannel;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final ChannelHandler echo = new Echo();

    private TcpEchoServer(EventLoopGroup group, Transport transport, InetSocketAddress bind)
            throws InterruptedException {
        this.serverChannel = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        ch.pipeline().addLast(echo);
                    }
                }).bind(bind).sync().channel();
    }

    /** Starts on {@code port} of 127.0.0.1 (0 for an ephemeral one). */
    public static TcpEchoServer start(EventLoopGroup group, Transport transport, int port)
            throws InterruptedException {
        return new TcpEchoServer(group, transport, new InetSocketAddress("127.0.0.1", port));
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public long connectionsAccepted() {
        return connections.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
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
