package org.pairbench.netty.tcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import org.pairbench.netty.Transport;

/** A deliberately broken echo server, to check the driver counts each fault as its own kind of error. */
public final class MisbehavingTcpServer implements AutoCloseable {
    /** What the server does instead of echoing. */
    public enum Fault {
        /** Echoes every byte, with the first byte of each read flipped. */
        FLIP_BYTE,
        /** Echoes all but the last byte of the first read, then closes the connection. */
        SHORT_THEN_CLOSE
    }

    private final Channel serverChannel;

    private MisbehavingTcpServer(EventLoopGroup group, Transport transport, Fault fault) throws InterruptedException {
        serverChannel = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf in = (ByteBuf) msg;
                                if (fault == Fault.FLIP_BYTE) {
                                    in.setByte(in.readerIndex(), in.getByte(in.readerIndex()) ^ 0x01);
                                    ctx.writeAndFlush(in);
                                } else {
                                    ctx.writeAndFlush(in.retainedSlice(in.readerIndex(), in.readableBytes() - 1))
                                            .addListener(ChannelFutureListener.CLOSE);
                                    in.release();
                                }
                            }
                        });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public static MisbehavingTcpServer start(EventLoopGroup group, Transport transport, Fault fault)
            throws InterruptedException {
        return new MisbehavingTcpServer(group, transport, fault);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
