package org.pairbench.netty.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.CharsetUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.probe.ProbeConnection;
import org.pairbench.netty.probe.ProbeHandler;

/**
 * Sends one request on a fresh connection and returns the whole response: used by the parity check before
 * anything is measured, never under load. The request bytes are the ones the load workers send.
 *
 * <p>Threading: {@link #fetch} blocks the calling thread until the answer, a close, or the timeout.
 */
public final class HttpProbe {
    /** The largest body a probe takes; a larger one is refused as soon as its length is known, never buffered. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

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
        CompletableFuture<Response> answer = new CompletableFuture<>();
        ProbeConnection c = ProbeConnection.open(group, transport, address, timeout, ProbeConnection.pipelineOf(
                new HttpResponseDecoder(), new HttpObjectAggregator(MAX_BODY_BYTES), new ResponseHandler(answer)));
        // the same pre-encoded bytes the load workers send, so the check sees what the load will see
        String what = request.method() + " " + request.path();
        c.send(HttpRequestBytes.buffer(request, address), answer);
        try {
            return c.await(answer, timeout, () -> "no answer within " + seconds(timeout) + " to " + what);
        } catch (BadResponseException e) {
            throw new BadResponseException("bad response to " + what + ": " + e.getMessage());
        }
    }

    /** An answer that is not a usable HTTP response: not HTTP at all, or a body over {@link #MAX_BODY_BYTES}. */
    public static final class BadResponseException extends Exception {
        BadResponseException(String message) {
            super(message);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** The first line of a decoder's complaint: some quote the whole message, headers and all. */
    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** Completes the answer with the first whole response. */
    private static final class ResponseHandler extends ProbeHandler<FullHttpResponse, Response> {
        ResponseHandler(CompletableFuture<Response> answer) {
            super(FullHttpResponse.class, answer, "connection closed before a response");
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
            if (msg.decoderResult().isFailure()) {
                answer.completeExceptionally(new BadResponseException("not HTTP ("
                        + firstLine(msg.decoderResult().cause()) + ")"));
                ctx.close();
                return;
            }
            answer.complete(new Response(msg.status().code(), mediaType(msg.headers().get(HttpHeaderNames.CONTENT_TYPE)),
                    ByteBufUtil.getBytes(msg.content())));
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // the aggregator refuses a body over its limit by its Content-Length, or once that many bytes came
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof TooLongFrameException) {
                    super.exceptionCaught(ctx, new BadResponseException("body over " + MAX_BODY_BYTES + " bytes"));
                    return;
                }
            }
            super.exceptionCaught(ctx, cause);
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
