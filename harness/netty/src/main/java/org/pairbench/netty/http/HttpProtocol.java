package org.pairbench.netty.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.net.InetSocketAddress;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.load.ExchangeListener;
import org.pairbench.netty.load.LoadProtocol;

/**
 * HTTP/1.1 keep-alive, one request in flight per connection (no pipelining, as browsers and client libraries
 * do). Requests are pre-encoded once ({@link HttpRequestBytes}); responses are decoded by Netty's
 * {@code HttpResponseDecoder} and judged by status and body length: a 2xx of the verified length is
 * {@link Outcome#OK}, another 2xx a {@link Outcome#BAD_RESPONSE} (short read), anything else
 * {@link Outcome#NON_2XX}.
 *
 * <p>One instance per worker; called on its event loop.
 */
public final class HttpProtocol implements LoadProtocol {
    private final ByteBuf request;
    private final long expectedBodyBytes;

    public HttpProtocol(RequestSpec request, InetSocketAddress target, long expectedBodyBytes) {
        this.request = HttpRequestBytes.buffer(request, target);
        this.expectedBodyBytes = expectedBodyBytes;
    }

    @Override
    public void initChannel(Channel ch, ExchangeListener listener) {
        // a body longer than the verified length is wrong whatever follows: refused as soon as it is
        long maxBodyBytes = expectedBodyBytes >= 0 ? expectedBodyBytes : HttpProbe.MAX_BODY_BYTES;
        ch.pipeline().addLast(new HttpResponseDecoder(), new Http1ClientHandler(new Http1ResponseListener() {
            @Override
            public void onResponse(int status, long bodyBytes, boolean keepAlive) {
                listener.onAnswer(outcome(status, bodyBytes), keepAlive);
            }

            @Override
            public void onBadResponse(Throwable cause) {
                listener.onAnswer(Outcome.BAD_RESPONSE, false);
            }

            @Override
            public void onClosed() {
                listener.onClosed();
            }
        }, maxBodyBytes));
    }

    Outcome outcome(int status, long bodyBytes) {
        if (status / 100 != 2) {
            return Outcome.NON_2XX;
        }
        return expectedBodyBytes >= 0 && bodyBytes != expectedBodyBytes ? Outcome.BAD_RESPONSE : Outcome.OK;
    }

    @Override
    public void send(Channel ch) {
        ch.writeAndFlush(request.retainedDuplicate(), ch.voidPromise());
    }

    @Override
    public void release() {
        if (request.refCnt() > 0) {
            request.release();
        }
    }
}
