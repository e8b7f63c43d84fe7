package org.pairbench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pairbench.netty.http.Http1ClientHandler;
import org.pairbench.netty.http.Http1ResponseListener;

/**
 * Decoding a response: one complete HTTP/1.1 response, as the target's socket delivers it, through the pipeline
 * every generator connection has, Netty's {@link HttpResponseDecoder} followed by {@link Http1ClientHandler}, up to
 * its single {@link Http1ResponseListener#onResponse} callback. This runs on the event loop once per response, in
 * the closed loop back to back, so together with recording it bounds how many responses per second one generator
 * core can take in.
 *
 * <p>The response is what aiohttp sends for the http-hello workload's {@code GET /}: a 200 with
 * {@code Content-Type}, {@code Content-Length}, {@code Date} and {@code Server} headers and the 14-byte body
 * {@code Hello, World!\n}. Each call feeds a retained duplicate of a direct buffer holding it (the socket read
 * itself is not included) with {@code fireChannelRead} and {@code fireChannelReadComplete}, as the event loop does
 * after a read, on an {@link EmbeddedChannel}. The listener counts callbacks; the tear-down fails the run if any
 * response was decoded wrongly or not at all. Score: ns per response.
 */
@State(Scope.Thread)
public class HttpResponseDecodeBenchmark extends HarnessBenchmark {
    static final String AIOHTTP_HELLO = "HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 14\r\n"
            + "Date: Sat, 21 Nov 2026 14:52:43 GMT\r\n"
            + "Server: Python/3.11 aiohttp/3.14.5\r\n"
            + "\r\n"
            + "Hello, World!\n";

    /** Counts what the handler reports. */
    static final class CountingListener implements Http1ResponseListener {
        long responses;
        long wrong;

        @Override
        public void onResponse(int status, long bodyBytes, boolean keepAlive) {
            responses++;
            if (status != 200 || bodyBytes != 14 || !keepAlive) {
                wrong++;
            }
        }

        @Override
        public void onBadResponse(Throwable cause) {
            wrong++;
        }

        @Override
        public void onClosed() {
        }
    }

    private final CountingListener listener = new CountingListener();
    private EmbeddedChannel channel;
    private ChannelPipeline pipeline;
    private ByteBuf response;
    private long fed;

    @Setup
    public void setUp() {
        channel = new EmbeddedChannel(new HttpResponseDecoder(), new Http1ClientHandler(listener));
        pipeline = channel.pipeline();
        byte[] bytes = AIOHTTP_HELLO.getBytes(StandardCharsets.US_ASCII);
        response = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    @TearDown
    public void tearDown() {
        channel.checkException();
        response.release();
        channel.finishAndReleaseAll();
        if (listener.wrong != 0 || listener.responses != fed) {
            throw new IllegalStateException("fed " + fed + " responses, decoded " + listener.responses
                    + ", of which " + listener.wrong + " wrong");
        }
    }

    @Benchmark
    public long decode() {
        pipeline.fireChannelRead(response.retainedDuplicate());
        pipeline.fireChannelReadComplete();
        return ++fed;
    }
}
