package org.pairbench.netty.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.netty.Transport;

/**
 * An HTTP/1.1 keep-alive server inside the harness whose answers are known: by default every request is answered
 * with a fixed body after {@code serviceTimeNs}; with a {@link Responder}, the responder decides body and delay
 * per request (the fan-out upstream). {@link #stallFor} holds every answer until a given moment, as a GC pause or
 * a blocked event loop would, and so does a request to {@code /__stall?ms=N} (for a server in another process);
 * {@code /__stall?ms=N&after=K} arms it instead, to begin with the K-th request after this one (an event of the
 * load, not a moment of a clock).
 * It is the known truth the generator is checked against (coordinated-omission tests, self-test, comparison with
 * wrk), and counts the connections and requests it receives.
 *
 * <p>Threading: requests are handled on the server's event loops; {@link #stallFor} and the counters may be used
 * from any thread. Answers on one connection keep their order.
 */
public final class CalibrationHttpServer extends LoopbackServer {
    public static final byte[] BODY = "Hello, World!\n".getBytes(CharsetUtil.US_ASCII);

    /** Path of the request that stalls the server: {@code /__stall?ms=N}. */
    public static final String STALL_PATH = "/__stall";

    private final NanoClock clock;
    private final Responder responder;
    /** End of the current stall; starts in the past (a real reading, so differences cannot overflow). */
    private volatile long stallUntilNs;
    private final AtomicLong requests = new AtomicLong();
    private volatile long stallAtRequest = -1;
    private volatile long stallAtDurationNs;

    private CalibrationHttpServer(EventLoopGroup group, Transport transport, NanoClock clock, Responder responder,
                                  int port) throws InterruptedException {
        this.clock = clock;
        this.responder = responder;
        this.stallUntilNs = clock.nanoTime();
        bind(group, transport, port);
    }

    /** Starts on an ephemeral port of 127.0.0.1. */
    public static CalibrationHttpServer start(EventLoopGroup group, Transport transport, NanoClock clock,
                                              long serviceTimeNs) throws InterruptedException {
        return start(group, transport, clock, serviceTimeNs, 0);
    }

    public static CalibrationHttpServer start(EventLoopGroup group, Transport transport, NanoClock clock,
                                              long serviceTimeNs, int port) throws InterruptedException {
        Responder.Answer fixed = new Responder.Answer(200, BODY, serviceTimeNs);
        return start(group, transport, clock, uri -> fixed, port);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 for an ephemeral one) with answers decided by {@code responder}. */
    public static CalibrationHttpServer start(EventLoopGroup group, Transport transport, NanoClock clock,
                                              Responder responder, int port) throws InterruptedException {
        return new CalibrationHttpServer(group, transport, clock, responder, port);
    }

    @Override
    protected void configure(ChannelPipeline pipeline) {
        pipeline.addLast(new HttpServerCodec(), new Handler());
    }

    /** Holds every answer, including those already waiting, until {@code durationNs} from now. */
    public void stallFor(long durationNs) {
        stallUntilNs = clock.nanoTime() + durationNs;
    }

    /**
     * Stalls for {@code durationNs} when the {@code n}th request (counted from 1, over all connections) arrives:
     * a stall placed by an event of the load, not by a clock, for tests.
     */
    public void stallAtRequest(long n, long durationNs) {
        stallAtDurationNs = durationNs;
        stallAtRequest = n;
    }

    public long requestsReceived() {
        return requests.get();
    }

    /** Per connection: answers requests in order, each no earlier than the previous answer. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private long lastAnswerNs = clock.nanoTime();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) {
                    if (requests.incrementAndGet() == stallAtRequest) {
                        stallFor(stallAtDurationNs);
                    }
                    String uri = request.uri();
                    if (uri.startsWith(STALL_PATH)) {
                        long ns = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(UpstreamResponder.query(uri, "ms", "0")));
                        long after = Long.parseLong(UpstreamResponder.query(uri, "after", "0"));
                        if (after > 0) { // armed: the stall begins with the after-th request from now
                            stallAtRequest(requests.get() + after, ns);
                        } else {
                            stallFor(ns);
                        }
                        answer(ctx, HttpUtil.isKeepAlive(request), new Responder.Answer(200, BODY, 0));
                    } else {
                        answer(ctx, HttpUtil.isKeepAlive(request), responder.answer(uri));
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void answer(ChannelHandlerContext ctx, boolean keepAlive, Responder.Answer answer) {
            long now = clock.nanoTime();
            long at = Math.max(Math.max(now + answer.delayNs(), stallUntilNs), lastAnswerNs);
            lastAnswerNs = at;
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            Runnable write = () -> {
                // a stall begun after this answer was scheduled holds it too
                long stallLeft = stallUntilNs - clock.nanoTime();
                if (stallLeft > 0) {
                    ctx.executor().schedule(() -> ctx.writeAndFlush(response), stallLeft, TimeUnit.NANOSECONDS);
                } else {
                    ctx.writeAndFlush(response);
                }
            };
            if (at <= now) {
                write.run();
            } else {
                ctx.executor().schedule(write, at - now, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
