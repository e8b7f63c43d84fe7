package org.pairbench.netty.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pairbench.netty.Transport;

/**
 * Sends one message on a fresh connection and returns what came back: used by the parity check before anything
 * is measured, never under load. The message is the payload the load workers send. The echo is collected until
 * the message's size has arrived (anything beyond it in the same read is kept, so an over-long echo shows) or
 * the server closes.
 *
 * <p>Threading: {@link #exchange} blocks the calling thread until the echo, a close, or the timeout.
 */
public final class TcpEchoProbe {
    private final EventLoopGroup group;
    private final Transport transport;

    public TcpEchoProbe(EventLoopGroup group, Transport transport) {
        this.group = group;
        this.transport = transport;
    }

    /** The message sent and the bytes echoed before the message's size was reached or the connection closed. */
    public record Echo(byte[] sent, byte[] echoed) {
        public boolean matches() {
            return Arrays.equals(sent, echoed);
        }

        /** One line for the parity report: identical, or the first difference. */
        public String describe() {
            int at = Arrays.mismatch(sent, echoed);
            if (at < 0) {
                return "echoed all " + sent.length + " bytes";
            }
            if (at == echoed.length) {
                return "echoed " + echoed.length + " of " + sent.length + " bytes before closing";
            }
            if (at == sent.length) {
                return "echoed " + echoed.length + " bytes for a message of " + sent.length;
            }
            return "byte " + at + " of " + sent.length + " differs: sent " + sent[at] + ", echoed " + echoed[at];
        }
    }

    public Echo exchange(TcpEchoTarget target) throws Exception {
        EchoPayload payload = EchoPayload.of(target.sizeBytes());
        CompletableFuture<Echo> result = new CompletableFuture<>();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream(payload.size());
        Bootstrap b = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, target.timeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf in) throws IOException {
                                in.getBytes(in.readerIndex(), echoed, in.readableBytes());
                                if (echoed.size() >= payload.size()) {
                                    result.complete(new Echo(payload.bytes(), echoed.toByteArray()));
                                    ctx.close();
                                }
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                result.complete(new Echo(payload.bytes(), echoed.toByteArray()));
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
        ByteBuf message = payload.newSendBuffer();
        ch.writeAndFlush(message).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        try {
            return result.get(target.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // ByteArrayOutputStream is synchronized, so its size may be read from here
            throw new TimeoutException("no full echo of " + payload.size() + " bytes within "
                    + target.timeout().toMillis() + " ms (" + echoed.size() + " came back)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            ch.close();
        }
    }
}
