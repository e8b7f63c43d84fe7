package org.pairbench.netty.ws;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.pairbench.netty.Transport;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.probe.ProbeConnection;
import org.pairbench.netty.probe.ProbeHandler;

/**
 * Opens a fresh connection, completes the handshake, sends one frame and returns the whole echoed message with the
 * extensions the server agreed to: used by the parity check before anything is measured (every variant must echo
 * the same bytes, and agree to deflate exactly when the workload offers it), never under load. The frame carries
 * the payload the load workers send. Fragments are reassembled here ({@link WebSocketFrameAggregator}), unlike
 * under load.
 *
 * <p>Threading: {@link #exchange} blocks the calling thread until the echo, a failed handshake, a close, or the
 * timeout (which covers the handshake and the echo together).
 */
public final class WebSocketProbe {
    private final EventLoopGroup group;
    private final Transport transport;

    public WebSocketProbe(EventLoopGroup group, Transport transport) {
        this.group = group;
        this.transport = transport;
    }

    /**
     * The frame sent and the message echoed.
     *
     * @param extensions the handshake answer's {@code Sec-WebSocket-Extensions}, empty when none was agreed
     */
    public record Echo(byte[] sent, boolean sentText, byte[] echoed, boolean echoedText, String extensions) {
        public boolean matches() {
            return sentText == echoedText && Arrays.equals(sent, echoed);
        }

        public boolean deflate() {
            return extensions.contains("permessage-deflate");
        }

        /** One line for the parity report: identical, or how the echo differs. */
        public String describe() {
            if (sentText != echoedText) {
                return "sent a " + type(sentText) + " frame, echoed a " + type(echoedText) + " one";
            }
            int at = Arrays.mismatch(sent, echoed);
            if (at < 0) {
                return "echoed all " + sent.length + " bytes";
            }
            if (at == echoed.length || at == sent.length) {
                return "echoed " + echoed.length + " bytes for a frame of " + sent.length;
            }
            return "byte " + at + " of " + sent.length + " differs: sent " + sent[at] + ", echoed " + echoed[at];
        }

        private static String type(boolean text) {
            return text ? "text" : "binary";
        }
    }

    public Echo exchange(WebSocketTarget target) throws Exception {
        byte[] payload = EchoPayload.of(target.sizeBytes()).bytes();
        CompletableFuture<Echo> answer = new CompletableFuture<>();
        ProbeConnection c = ProbeConnection.open(group, transport, target.address(), target.timeout(),
                new Pipeline(target, payload, answer));
        // the frame goes once the handshake is done (see Pipeline); the timeout covers both
        return c.await(answer, target.timeout(), () -> "no echo from " + target.uri() + " within "
                + target.timeout().toMillis() + " ms");
    }

    /**
     * The client handshake (which sends the frame once it completes and keeps the agreed extensions), then
     * the frame aggregator and {@link EchoHandler}.
     */
    private static final class Pipeline extends ChannelInitializer<SocketChannel> {
        private final WebSocketTarget target;
        private final byte[] payload;
        private final CompletableFuture<Echo> answer;

        Pipeline(WebSocketTarget target, byte[] payload, CompletableFuture<Echo> answer) {
            this.target = target;
            this.payload = payload;
            this.answer = answer;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            EchoHandler echo = new EchoHandler(payload, target.text(), answer);
            WebSocketClientHandshakeHandler.addTo(ch.pipeline(), target, headers -> {
                echo.extensions = headers.get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, "");
                ch.writeAndFlush(target.text() ? new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))
                        : new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
            });
            ch.pipeline().addLast(new WebSocketFrameAggregator(target.maxFramePayloadBytes()), echo);
        }
    }

    /** Completes the answer with the echoed message, or fails it on a close or an error. On the event loop. */
    private static final class EchoHandler extends ProbeHandler<WebSocketFrame, Echo> {
        private final byte[] payload;
        private final boolean text;
        /** The handshake's agreed extensions; set on the event loop before any frame arrives. */
        private String extensions = "";

        EchoHandler(byte[] payload, boolean text, CompletableFuture<Echo> answer) {
            super(WebSocketFrame.class, answer, "connection closed before an echo");
            this.payload = payload;
            this.text = text;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            answer(ctx, frame, payload, text, extensions, answer);
        }
    }

    /** Completes the result with a data message, fails it on a close frame, answers pings. On the event loop. */
    private static void answer(ChannelHandlerContext ctx, WebSocketFrame frame, byte[] payload, boolean text,
                               String extensions, CompletableFuture<Echo> result) {
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            result.completeExceptionally(new IllegalStateException("the server closed with status "
                    + close.statusCode() + " " + close.reasonText() + " instead of echoing"));
            ctx.close();
        } else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            result.complete(new Echo(payload, text, ByteBufUtil.getBytes(frame.content()),
                    frame instanceof TextWebSocketFrame, extensions));
            ctx.close();
        }
    }
}
