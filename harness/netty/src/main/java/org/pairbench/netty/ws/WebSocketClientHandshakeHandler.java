package org.pairbench.netty.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client side of the RFC 6455 opening handshake (version 13), driving Netty's {@link WebSocketClientHandshaker}
 * directly: sends the upgrade request once the connection is active, checks the answer, and on a valid
 * {@code 101} (which makes the handshaker swap the HTTP codec for the frame decoder and the masking encoder)
 * removes itself and reports the answer's headers. Any other answer, an error, or no answer within the timeout
 * fails the handshake: a {@link WebSocketHandshakeException} is passed down the pipeline (so a probe can say
 * why) and the connection is closed, never reported ready.
 *
 * <p>One instance per connection (a handshaker holds the connection's key); all calls happen on the
 * connection's event loop.
 */
public final class WebSocketClientHandshakeHandler extends ChannelInboundHandlerAdapter {
    /** A handshake answer larger than this is not a WebSocket server's. */
    private static final int MAX_HANDSHAKE_ANSWER_BYTES = 8192;

    private final WebSocketClientHandshaker handshaker;
    private final long timeoutMs;
    private final Consumer<HttpHeaders> onReady;
    private boolean started;
    private boolean failed;
    private ScheduledFuture<?> timeout;

    public WebSocketClientHandshakeHandler(WebSocketClientHandshaker handshaker, long timeoutMs,
                                           Consumer<HttpHeaders> onReady) {
        this.handshaker = handshaker;
        this.timeoutMs = timeoutMs;
        this.onReady = onReady;
    }

    /**
     * Adds what a WebSocket client connection needs until its handshake is done: the HTTP codec and aggregator
     * (replaced by frame codecs on success), the permessage-deflate offer when the target asks for it, and a
     * handshake handler. Handlers added after this call see WebSocket frames once {@code onReady} has run.
     */
    public static void addTo(ChannelPipeline p, WebSocketTarget target, Consumer<HttpHeaders> onReady) {
        p.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_ANSWER_BYTES));
        if (target.deflate()) {
            // offers permessage-deflate; installs its frame encoder and decoder only if the server accepts it
            p.addLast(new WebSocketClientCompressionHandler(target.maxFramePayloadBytes()));
        }
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(target.uri(),
                WebSocketVersion.V13, null, target.deflate(), EmptyHttpHeaders.INSTANCE,
                target.maxFramePayloadBytes());
        p.addLast(new WebSocketClientHandshakeHandler(handshaker, Math.max(1, target.timeout().toMillis()),
                onReady));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        handshaker.handshake(ctx.channel()).addListener(f -> {
            if (!f.isSuccess()) {
                fail(ctx, new WebSocketHandshakeException("could not send the handshake", f.cause()));
            }
        });
        timeout = ctx.executor().schedule(() -> fail(ctx, new WebSocketHandshakeException(
                "no handshake answer within " + timeoutMs + " ms")), timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (failed || !(msg instanceof FullHttpResponse response)) {
            ReferenceCountUtil.release(msg);
            fail(ctx, new WebSocketHandshakeException("not an HTTP answer to the handshake"));
            return;
        }
        HttpHeaders headers = response.headers();
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (RuntimeException e) {
            // a non-101 status, a wrong Sec-WebSocket-Accept, a subprotocol the client did not ask for
            fail(ctx, e instanceof WebSocketHandshakeException ? e
                    : new WebSocketHandshakeException(e.getMessage(), e));
            return;
        } finally {
            response.release();
        }
        cancelTimeout();
        ctx.pipeline().remove(this);
        onReady.accept(headers);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // until the handshake is done every error (decoding the answer, I/O) means the connection is not usable
        fail(ctx, cause instanceof WebSocketHandshakeException ? cause
                : new WebSocketHandshakeException("handshake failed: " + cause, cause));
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (failed) {
            return;
        }
        failed = true;
        cancelTimeout();
        ctx.fireExceptionCaught(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimeout();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
