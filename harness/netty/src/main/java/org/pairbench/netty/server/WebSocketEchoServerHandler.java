package org.pairbench.netty.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * The echo part of {@link WebSocketEchoServer}, after Netty's protocol handler (which has answered pings and close
 * frames already): every text, binary or continuation frame goes back with the same type, payload and final flag,
 * split into frames of at most {@code fragmentBytes} when that is set. Echoed frames are new frames with no RSV
 * bits, so that permessage-deflate, when agreed, compresses them afresh. An HTTP request on another path than the
 * WebSocket one gets a 404 and the connection closes. Writes are flushed once per batch of reads.
 *
 * <p>One instance per connection; all calls happen on the connection's event loop.
 */
final class WebSocketEchoServerHandler extends ChannelInboundHandlerAdapter {
    private final WebSocketEchoServer server;
    private final int fragmentBytes;

    WebSocketEchoServerHandler(WebSocketEchoServer server, int fragmentBytes) {
        this.server = server;
        this.fragmentBytes = fragmentBytes;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            server.handshakes.incrementAndGet();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                    || msg instanceof ContinuationWebSocketFrame) {
                WebSocketFrame frame = (WebSocketFrame) msg;
                if (frame.isFinalFragment()) {
                    server.messages.incrementAndGet();
                }
                echo(ctx, frame);
            } else if (msg instanceof HttpRequest) {
                FullHttpResponse notFound = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.NOT_FOUND);
                notFound.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(notFound).addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Writes the frame's payload back in pieces of at most {@code fragmentBytes} (all of it when 0). */
    private void echo(ChannelHandlerContext ctx, WebSocketFrame frame) {
        ByteBuf content = frame.content();
        boolean first = !(frame instanceof ContinuationWebSocketFrame);
        do {
            int n = fragmentBytes == 0 ? content.readableBytes() : Math.min(fragmentBytes, content.readableBytes());
            ByteBuf piece = content.readRetainedSlice(n);
            boolean fin = frame.isFinalFragment() && !content.isReadable();
            WebSocketFrame out = !first ? new ContinuationWebSocketFrame(fin, 0, piece)
                    : frame instanceof TextWebSocketFrame ? new TextWebSocketFrame(fin, 0, piece)
                    : new BinaryWebSocketFrame(fin, 0, piece);
            first = false;
            ctx.write(out, ctx.voidPromise());
        } while (content.isReadable());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
