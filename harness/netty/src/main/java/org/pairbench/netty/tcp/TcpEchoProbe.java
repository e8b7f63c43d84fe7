package org.pairbench.netty.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.pairbench.netty.Transport;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.probe.ProbeConnection;
import org.pairbench.netty.probe.ProbeHandler;

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
        CompletableFuture<Echo> answer = new CompletableFuture<>();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream(payload.size());
        ProbeConnection c = ProbeConnection.open(group, transport, target.address(), target.timeout(),
                ProbeConnection.pipelineOf(new EchoCollector(payload, echoed, answer)));
        c.send(payload.newSendBuffer(), answer);
        // ByteArrayOutputStream is synchronized, so its size may be read from here
        return c.await(answer, target.timeout(), () -> "no full echo of " + payload.size() + " bytes within "
                + target.timeout().toMillis() + " ms (" + echoed.size() + " came back)");
    }

    /** Collects the echo until the message's size has arrived or the server closes. */
    private static final class EchoCollector extends ProbeHandler<ByteBuf, Echo> {
        private final EchoPayload payload;
        private final ByteArrayOutputStream echoed;

        EchoCollector(EchoPayload payload, ByteArrayOutputStream echoed, CompletableFuture<Echo> answer) {
            super(ByteBuf.class, answer, "connection closed");
            this.payload = payload;
            this.echoed = echoed;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf in) throws IOException {
            in.getBytes(in.readerIndex(), echoed, in.readableBytes());
            if (echoed.size() >= payload.size()) {
                answer.complete(new Echo(payload.bytes(), echoed.toByteArray()));
                ctx.close();
            }
        }

        /** A close ends the echo: what came back so far is the answer (a short echo shows as such). */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            answer.complete(new Echo(payload.bytes(), echoed.toByteArray()));
        }
    }
}
