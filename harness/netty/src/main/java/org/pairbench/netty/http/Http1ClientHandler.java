package org.pairbench.netty.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Turns the decoded parts of HTTP/1.1 responses into one callback per response, counting body bytes without
 * aggregating them (the generator measures, it does not need the body). Sits after Netty's
 * {@code HttpResponseDecoder}; requests are written as pre-encoded bytes, so no request encoder is needed.
 *
 * <p>One instance per connection; all calls happen on the connection's event loop.
 */
public final class Http1ClientHandler extends ChannelInboundHandlerAdapter {
    private final Http1ResponseListener listener;
    private final long maxBodyBytes;
    private int status = -1;
    private boolean keepAlive = true;
    private long bodyBytes;
    private boolean failed;

    /** A handler that takes bodies up to {@link HttpProbe#MAX_BODY_BYTES}. */
    public Http1ClientHandler(Http1ResponseListener listener) {
        this(listener, HttpProbe.MAX_BODY_BYTES);
    }

    /**
     * @param maxBodyBytes a longer body is a bad response, refused by its Content-Length or as soon as that many
     *                     bytes came (the connection is closed): a target that sends 100 MiB costs no more
     */
    public Http1ClientHandler(Http1ResponseListener listener, long maxBodyBytes) {
        this.listener = listener;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (failed) {
                return;
            }
            if (msg instanceof HttpObject obj && obj.decoderResult().isFailure()) {
                fail(ctx, obj.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
                bodyBytes = 0;
                if (HttpUtil.getContentLength(response, -1L) > maxBodyBytes) {
                    fail(ctx, new TooLongFrameException("body over " + maxBodyBytes + " bytes"));
                    return;
                }
            }
            if (msg instanceof HttpContent content) {
                bodyBytes += content.content().readableBytes();
                if (bodyBytes > maxBodyBytes) {
                    fail(ctx, new TooLongFrameException("body over " + maxBodyBytes + " bytes"));
                    return;
                }
                if (msg instanceof LastHttpContent) {
                    if (status < 0) {
                        fail(ctx, new IllegalStateException("response body without a status line"));
                        return;
                    }
                    int completedStatus = status;
                    status = -1;
                    listener.onResponse(completedStatus, bodyBytes, keepAlive);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        failed = true;
        listener.onBadResponse(cause);
        ctx.close();
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
