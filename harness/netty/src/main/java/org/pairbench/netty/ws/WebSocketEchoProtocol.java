package org.pairbench.netty.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.echo.EchoPayloads;
import org.pairbench.netty.load.ExchangeListener;
import org.pairbench.netty.load.LoadProtocol;

/**
 * WebSocket echo (RFC 6455), one message in flight per connection. A connection first completes the opening
 * handshake ({@link WebSocketClientHandshakeHandler}, offering permessage-deflate when the target asks); then an
 * exchange sends one unfragmented text or binary frame carrying an {@link EchoPayload} of the workload's size
 * (with permessage-deflate offered, payloads that differ message by message: {@link EchoPayloads}),
 * masked as RFC 6455 requires of clients (Netty's client frame encoder draws a fresh mask per frame), and
 * compressed if deflate was agreed. The server must answer with a message of the same type and the same payload,
 * in as many fragments as it likes; {@link WebSocketEchoClientHandler} judges it.
 *
 * <p>One instance per worker, or per pool of idle connections across event loops: the payload buffer is built
 * once and every send wraps a retained duplicate of it in a new frame, which is safe from any loop (the encoder
 * reads the payload and writes the masked copy elsewhere).
 */
public final class WebSocketEchoProtocol implements LoadProtocol {
    private final WebSocketTarget target;
    private final EchoPayloads payloads;
    /** One send buffer per payload, index for index. */
    private final List<ByteBuf> messages = new ArrayList<>();

    public WebSocketEchoProtocol(WebSocketTarget target) {
        this.target = target;
        // with deflate, payloads that differ per message: one repeated payload would deflate to a back-reference
        this.payloads = target.deflate() ? EchoPayloads.distinct(target.sizeBytes())
                : EchoPayloads.single(target.sizeBytes());
        for (int i = 0; i < payloads.count(); i++) {
            messages.add(payloads.forMessage(i).newSendBuffer());
        }
    }

    @Override
    public void initChannel(Channel ch, ExchangeListener listener) {
        WebSocketClientHandshakeHandler.addTo(ch.pipeline(), target, headers -> listener.onReady());
        ch.pipeline().addLast(new WebSocketEchoClientHandler(payloads, target.text(), listener));
    }

    @Override
    public boolean needsHandshake() {
        return true;
    }

    @Override
    public void send(Channel ch) {
        // the payload this connection's next message carries: its handler counts the messages it sends
        long next = ch.pipeline().get(WebSocketEchoClientHandler.class).nextMessage();
        ByteBuf content = messages.get((int) Math.floorMod(next, (long) messages.size())).retainedDuplicate();
        ch.writeAndFlush(target.text() ? new TextWebSocketFrame(content) : new BinaryWebSocketFrame(content),
                ch.voidPromise());
    }

    @Override
    public void release() {
        for (ByteBuf message : messages) {
            if (message.refCnt() > 0) {
                message.release();
            }
        }
    }
}
