package org.pairbench.netty.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import org.pairbench.netty.Transport;

/** A deliberately broken WebSocket echo server (valid handshake on {@code /ws}, wrong answers), for error kinds. */
final class MisbehavingWebSocketServer implements AutoCloseable {
    /** What the server answers instead of the echo. */
    enum Fault {
        /** The echo with its first payload byte flipped. */
        FLIP_BYTE,
        /** A close frame (1011, internal error). */
        CLOSE_FRAME,
        /** The echo without its last byte. */
        SHORT_FRAME,
        /** The payload in a frame of the other type. */
        OTHER_TYPE
    }

    private final Channel serverChannel;

    MisbehavingWebSocketServer(EventLoopGroup group, Transport transport, Fault fault) throws InterruptedException {
        serverChannel = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new WebSocketServerProtocolHandler("/ws"),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        ctx.writeAndFlush(answer(fault, frame));
                                    }
                                });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    private static WebSocketFrame answer(Fault fault, WebSocketFrame frame) {
        ByteBuf content = frame.content().copy();
        boolean text = frame instanceof TextWebSocketFrame;
        switch (fault) {
            case FLIP_BYTE -> content.setByte(0, content.getByte(0) ^ 0x01);
            case CLOSE_FRAME -> {
                content.release();
                return new CloseWebSocketFrame(1011, "broken on purpose");
            }
            case SHORT_FRAME -> content.writerIndex(content.writerIndex() - 1);
            case OTHER_TYPE -> text = !text;
            default -> throw new IllegalStateException();
        }
        return text ? new TextWebSocketFrame(content) : new BinaryWebSocketFrame(content);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
