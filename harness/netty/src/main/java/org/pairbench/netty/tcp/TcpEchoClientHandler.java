package org.pairbench.netty.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import org.pairbench.netty.echo.EchoCheck;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.load.ExchangeListener;

/**
 * Judges the echo of each message on one TCP connection. It sees every message go out (an outbound
 * {@link ByteBuf} starts an exchange), then checks each read chunk against the payload at the offset reached so
 * far ({@link EchoCheck}), releasing it at once: no aggregation, no copy, no allocation per exchange. The
 * exchange is {@code OK} when exactly the payload's size has come back. A byte that differs, more bytes than were
 * sent, or bytes when nothing is in flight make a {@code BAD_RESPONSE}, after which the stream cannot be
 * trusted and the connection is closed. A connection that closes mid-echo reports only {@code onClosed}: a short
 * echo is never a success.
 *
 * <p>One instance per connection; all calls happen on the connection's event loop.
 */
public final class TcpEchoClientHandler extends ChannelDuplexHandler {
    private final EchoCheck echo;
    private final ExchangeListener listener;

    public TcpEchoClientHandler(EchoPayload payload, ExchangeListener listener) {
        this.echo = new EchoCheck(payload, listener);
        this.listener = listener;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf) {
            echo.begin();
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (echo.failed()) {
                return;
            }
            if (!(msg instanceof ByteBuf in) || !echo.accept(in)) {
                echo.fail(ctx);
            } else if (echo.complete()) {
                echo.succeed();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // an I/O error (reset by peer): the close that follows reports it as onClosed
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.onClosed();
    }
}
