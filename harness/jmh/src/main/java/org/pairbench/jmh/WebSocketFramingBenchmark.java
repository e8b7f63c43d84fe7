package org.pairbench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.util.ReferenceCountUtil;
import java.util.Queue;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Framing a WebSocket message, for the WebSocket driver the harness does not have yet: it will use Netty's
 * RFC 6455 codec on the client side, so this measures that codec for the payload sizes a messaging workload sends,
 * before the driver exists, to know what one generator core can frame per second.
 *
 * <ul>
 *   <li>{@code encodeMasked}: a {@link BinaryWebSocketFrame} written through a {@link WebSocket08FrameEncoder} with
 *       masking on, as a client must (RFC 6455 5.3): a fresh random mask per frame and the payload copied and
 *       XOR-ed into a new buffer. The payload is a retained duplicate of a direct buffer; the output is drained and
 *       released;</li>
 *   <li>{@code decodeUnmasked}: one complete unmasked binary frame, as a server sends it, read through a client
 *       {@link WebSocket08FrameDecoder} (masked frames not expected) to a handler that counts and releases the
 *       frames; the tear-down fails the run if the count is off.</li>
 * </ul>
 * Both go through the pipeline of an {@link EmbeddedChannel} ({@code writeAndFlush} with a void promise, as the
 * HTTP driver writes, and {@code fireChannelRead}/{@code fireChannelReadComplete}, as the event loop reads), so the
 * scores include the pipeline's own per-message cost but no socket I/O. Scores are ns per frame.
 */
@State(Scope.Thread)
public class WebSocketFramingBenchmark extends HarnessBenchmark {
    /** Payload bytes: a small message, a 1 KiB message (the gathering-write threshold) and a 64 KiB one. */
    @Param({"16", "1024", "65536"})
    public int payloadBytes;

    /** Counts decoded frames and releases them. */
    static final class FrameSink extends ChannelInboundHandlerAdapter {
        long frames;
        long payloadBytes;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof BinaryWebSocketFrame frame) {
                frames++;
                payloadBytes += frame.content().readableBytes();
            }
            ReferenceCountUtil.release(msg);
        }
    }

    private ByteBuf payload;
    private ByteBuf serverFrame;
    private EmbeddedChannel client;
    private Queue<Object> written;
    private EmbeddedChannel reader;
    private ChannelPipeline readerPipeline;
    private final FrameSink sink = new FrameSink();
    private long fed;

    @Setup
    public void setUp() {
        byte[] bytes = new byte[payloadBytes];
        new SplittableRandom(3).nextBytes(bytes);
        payload = Unpooled.directBuffer(payloadBytes).writeBytes(bytes);

        client = new EmbeddedChannel(new WebSocket08FrameEncoder(true));
        written = client.outboundMessages();
        client.writeOutbound(new BinaryWebSocketFrame(payload.retainedDuplicate()));
        ByteBuf first = client.readOutbound();
        int headerBytes = payloadBytes <= 125 ? 2 : payloadBytes <= 65535 ? 4 : 10;
        boolean masked = (first.getByte(first.readerIndex() + 1) & 0x80) != 0
                && first.readableBytes() == headerBytes + 4 + payloadBytes && written.isEmpty();
        first.release();
        if (!masked) {
            throw new IllegalStateException("the client encoder did not write one masked frame");
        }

        // the bytes of an unmasked frame as a server writes them, gathered into one direct buffer
        EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        server.writeOutbound(new BinaryWebSocketFrame(payload.retainedDuplicate()));
        serverFrame = Unpooled.directBuffer(payloadBytes + 14);
        for (Object part; (part = server.readOutbound()) != null; ) {
            serverFrame.writeBytes((ByteBuf) part);
            ReferenceCountUtil.release(part);
        }
        server.finishAndReleaseAll();

        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false)
                .allowMaskMismatch(false)
                .maxFramePayloadLength(1 << 20)
                .build();
        reader = new EmbeddedChannel(new WebSocket08FrameDecoder(config), sink);
        readerPipeline = reader.pipeline();
    }

    @TearDown
    public void tearDown() {
        client.checkException();
        reader.checkException();
        client.finishAndReleaseAll();
        reader.finishAndReleaseAll();
        payload.release();
        serverFrame.release();
        if (sink.frames != fed || sink.payloadBytes != fed * payloadBytes) {
            throw new IllegalStateException("fed " + fed + " frames, decoded " + sink.frames + " with "
                    + sink.payloadBytes + " payload bytes");
        }
    }

    @Benchmark
    public void encodeMasked(Blackhole bh) {
        client.writeAndFlush(new BinaryWebSocketFrame(payload.retainedDuplicate()), client.voidPromise());
        for (Object out; (out = written.poll()) != null; ) {
            bh.consume(out);
            ReferenceCountUtil.release(out);
        }
    }

    @Benchmark
    public long decodeUnmasked() {
        readerPipeline.fireChannelRead(serverFrame.retainedDuplicate());
        readerPipeline.fireChannelReadComplete();
        return ++fed;
    }
}
