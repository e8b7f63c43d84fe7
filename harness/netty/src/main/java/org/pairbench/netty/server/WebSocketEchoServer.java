package org.pairbench.netty.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import java.util.concurrent.atomic.AtomicLong;
import org.pairbench.netty.Transport;

/**
 * A WebSocket echo server inside the harness, built from Netty's {@link WebSocketServerProtocolHandler}: accepts
 * the handshake on one path (permessage-deflate too when {@link Options#deflate()}), answers pings and close
 * frames as the protocol handler does, and echoes every data message with its type and payload
 * ({@link WebSocketEchoServerHandler}). It is the known truth the WebSocket driver is tested against, and runs as a
 * process of its own through {@link WebSocketEchoServerMain}. Counts connections, handshakes, messages and the
 * bytes read off the wire (compressed frames are fewer bytes).
 *
 * <p>Threading: connections are served on the group's event loops; the counters may be read from any thread.
 */
public final class WebSocketEchoServer extends LoopbackServer {
    /** Largest frame, and largest decompressed message, accepted: far above the workloads' 64 KiB. */
    static final int MAX_FRAME_BYTES = 1 << 20;

    /**
     * How the server behaves.
     *
     * @param path          the WebSocket endpoint; other paths get a 404
     * @param deflate       accept permessage-deflate when a client offers it
     * @param fragmentBytes split each echoed message into frames of at most this many payload bytes (continuation
     *                      frames), to exercise a client's reassembly; 0 echoes each frame as it came
     */
    public record Options(String path, boolean deflate, int fragmentBytes) {
        public Options {
            if (!path.startsWith("/") || fragmentBytes < 0) {
                throw new IllegalArgumentException("path must start with '/' and fragmentBytes be >= 0");
            }
        }
    }

    final AtomicLong handshakes = new AtomicLong();
    final AtomicLong messages = new AtomicLong();
    private final AtomicLong wireBytes = new AtomicLong();
    private final ChannelHandler wireCounter = new WireCounter();
    private final Options options;
    private final WebSocketServerProtocolConfig config;

    private WebSocketEchoServer(EventLoopGroup group, Transport transport, int port, Options options)
            throws InterruptedException {
        this.options = options;
        this.config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(options.path()).checkStartsWith(false)
                .allowExtensions(options.deflate()).maxFramePayloadLength(MAX_FRAME_BYTES)
                .build();
        bind(group, transport, port);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 for an ephemeral one). */
    public static WebSocketEchoServer start(EventLoopGroup group, Transport transport, int port, Options options)
            throws InterruptedException {
        return new WebSocketEchoServer(group, transport, port, options);
    }

    @Override
    protected void configure(ChannelPipeline pipeline) {
        pipeline.addLast(wireCounter, new HttpServerCodec(), new HttpObjectAggregator(8192));
        if (options.deflate()) {
            // must precede the protocol handler: it answers the offer in the 101 response
            pipeline.addLast(new WebSocketServerCompressionHandler(MAX_FRAME_BYTES));
        }
        pipeline.addLast(new WebSocketServerProtocolHandler(config),
                new WebSocketEchoServerHandler(this, options.fragmentBytes()));
    }

    /** Connections whose opening handshake completed. */
    public long handshakesCompleted() {
        return handshakes.get();
    }

    /** Complete data messages received (each echoed). */
    public long messagesReceived() {
        return messages.get();
    }

    /** Bytes read off the sockets: handshakes and frames as sent, compressed or not. */
    public long wireBytesReceived() {
        return wireBytes.get();
    }

    /** First in every pipeline, so it counts what the client put on the wire. Holds no per-connection state. */
    @ChannelHandler.Sharable
    private final class WireCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b) {
                wireBytes.addAndGet(b.readableBytes());
            }
            ctx.fireChannelRead(msg);
        }
    }
}
