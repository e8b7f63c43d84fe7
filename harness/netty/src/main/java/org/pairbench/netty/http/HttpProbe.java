package org.pairbench.netty.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.CharsetUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.Transport;

/**
 * Sends one request on a fresh connection and returns the whole response: used by the parity check before
 * anything is measured, never under load. The request bytes are the ones the load workers send.
 *
 * <p>Threading: {@link #fetch} blocks the calling thread until the answer, a close, or the timeout.
 */
public final class HttpProbe {
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Transport transport;

    public HttpProbe(EventLoopGroup group, Transport transport) {
        this.group = group;
        this.transport = transport;
    }

    /** A complete response: status, media type (parameters removed, lower case) and body bytes. */
    public record Response(int status, String contentType, byte[] body) {
        public String bodyText() {
            return new String(body, CharsetUtil.UTF_8);
        }
    }

    public Response fetch(InetSocketAddress address, RequestSpec request, Duration timeout) throws Exception {
        LoopbackGuard.requireLoopback(address);
        CompletableFuture<Response> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(MAX_BODY_BYTES),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
                                        result.complete(new Response(msg.status().code(),
                                                mediaType(msg.headers().get(HttpHeaderNames.CONTENT_TYPE)),
                                                ByteBufUtil.getBytes(msg.content())));
                                        ctx.close();
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        result.completeExceptionally(
                                                new IllegalStateException("connection closed before a response"));
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        result.completeExceptionally(cause);
                                        ctx.close();
                                    }
                                });
                    }
                });
        Channel ch = b.connect(address).sync().channel();
        // the same pre-encoded bytes the load workers send, so the check sees what the load will see
        ch.writeAndFlush(HttpRequestBytes.buffer(request, address)).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no response to " + request.method() + " " + request.path() + " within "
                    + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            ch.close();
        }
    }

    /** {@code text/plain; charset=utf-8} becomes {@code text/plain}: parameters differ harmlessly between servers. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
