package org.pairbench.netty.ws;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.CodecException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.pairbench.netty.echo.EchoCheck;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.echo.EchoPayloads;
import org.pairbench.netty.load.ExchangeListener;

/**
 * Judges the echo of each frame on one WebSocket connection, after the handshake (and after permessage-deflate's
 * decoder, so it sees payload bytes). It sees every data frame go out (a text or binary frame starts an
 * exchange); the echo is one message of the same type, possibly fragmented into continuation frames, whose
 * fragments are checked against the payload as they come, at the offset reached so far ({@link EchoCheck}), and
 * released: no reassembly buffer, no allocation. The exchange is {@code OK} when the final fragment ends exactly
 * at the payload's size.
 *
 * <p>A {@code BAD_RESPONSE} (after which the connection is closed) is any of: a payload that differs or
 * is shorter or longer, a message of the other type, a data frame when nothing is in flight, a close frame while
 * an exchange is in flight, a frame the decoder refuses (bad framing, masked server frame, failed
 * decompression). A close frame with nothing in flight only closes the connection: a server may close an idle
 * connection cleanly, and the worker then reconnects. Pings are answered with pongs, so a server's keep-alive
 * does not drop the connection; pongs are ignored.
 *
 * <p>One instance per connection; all calls happen on the connection's event loop.
 */
public final class WebSocketEchoClientHandler extends ChannelDuplexHandler {
    private final EchoCheck echo;
    private final EchoPayloads payloads;
    /** Messages sent on this connection: the next one carries {@code payloads.forMessage(sent)}. */
    private long sent;
    private final boolean text;
    private final ExchangeListener listener;
    /** A first fragment of the echo has come; continuation frames may follow. */
    private boolean inMessage;

    public WebSocketEchoClientHandler(EchoPayload payload, boolean text, ExchangeListener listener) {
        this(EchoPayloads.single(payload.size()), text, listener);
    }

    /** Messages carry the payloads in turn (see {@link EchoPayloads}); each echo is checked against its own. */
    public WebSocketEchoClientHandler(EchoPayloads payloads, boolean text, ExchangeListener listener) {
        this.payloads = payloads;
        this.echo = new EchoCheck(payloads.forMessage(0), listener);
        this.text = text;
        this.listener = listener;
    }

    /** The index of the payload the next message on this connection carries ({@link EchoPayloads#forMessage}). */
    public long nextMessage() {
        return sent;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            echo.begin(payloads.forMessage(sent++));
            inMessage = false;
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (echo.failed()) {
                return;
            }
            if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof PongWebSocketFrame) {
                return;
            } else if (msg instanceof CloseWebSocketFrame) {
                if (echo.inFlight()) {
                    echo.fail(ctx);
                } else {
                    ctx.close();
                }
            } else if (msg instanceof ContinuationWebSocketFrame fragment && inMessage) {
                consume(ctx, fragment);
            } else if (isDataFrameOfTheSentType(msg) && !inMessage) {
                inMessage = true;
                consume(ctx, (WebSocketFrame) msg);
            } else {
                echo.fail(ctx);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean isDataFrameOfTheSentType(Object msg) {
        return text ? msg instanceof TextWebSocketFrame : msg instanceof BinaryWebSocketFrame;
    }

    private void consume(ChannelHandlerContext ctx, WebSocketFrame fragment) {
        if (!echo.accept(fragment.content()) || fragment.isFinalFragment() && !echo.complete()) {
            echo.fail(ctx);
        } else if (fragment.isFinalFragment()) {
            inMessage = false;
            echo.succeed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CodecException && !echo.failed()) {
            // the frame decoder or the deflate decoder refused what the server sent: a bad answer, not a reset
            echo.fail(ctx);
        } else {
            // an I/O error or a failed handshake: the close that follows reports it as onClosed
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.onClosed();
    }
}
