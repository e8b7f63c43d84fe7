package org.pairbench.netty.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pairbench.netty.Transport;
import org.pairbench.netty.tcp.EchoPayload;

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
        CompletableFuture<Echo> result = new CompletableFuture<>();
        String[] extensions = {""};
        Bootstrap b = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, target.timeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        WebSocketClientHandshakeHandler.addTo(ch.pipeline(), target, headers -> {
                            extensions[0] = headers.get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, "");
                            ch.writeAndFlush(target.text() ? new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))
                                    : new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
                        });
                        ch.pipeline().addLast(new WebSocketFrameAggregator(target.maxFramePayloadBytes()),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        answer(ctx, frame, payload, target.text(), extensions[0], result);
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        result.completeExceptionally(
                                                new IllegalStateException("connection closed before an echo"));
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        result.completeExceptionally(cause);
                                        ctx.close();
                                    }
                                });
                    }
                });
        Channel ch = b.connect(target.address()).sync().channel();
        try {
            return result.get(target.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no echo from " + target.uri() + " within " + target.timeout().toMillis()
                    + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            ch.close();
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
