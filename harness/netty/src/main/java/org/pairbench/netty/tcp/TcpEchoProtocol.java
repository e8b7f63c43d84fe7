package org.pairbench.netty.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.load.ExchangeListener;
import org.pairbench.netty.load.LoadProtocol;

/**
 * TCP echo, one message in flight per connection. Framing: none on the wire. An exchange writes the
 * {@link EchoPayload} of the workload's size as raw bytes, and the server must send back exactly those bytes, in
 * order, however it splits them; the exchange completes when the last one has arrived. Nothing delimits
 * messages, so the size is known to both sides by the workload, not by the stream. Judging is done by
 * {@link TcpEchoClientHandler}.
 *
 * <p>One instance per worker, or per pool of idle connections across event loops: the payload buffer is built
 * once and every send writes a retained duplicate of it, which is safe from any loop.
 */
public final class TcpEchoProtocol implements LoadProtocol {
    private final EchoPayload payload;
    private final ByteBuf message;

    public TcpEchoProtocol(int sizeBytes) {
        this.payload = EchoPayload.of(sizeBytes);
        this.message = payload.newSendBuffer();
    }

    @Override
    public void initChannel(Channel ch, ExchangeListener listener) {
        ch.pipeline().addLast(new TcpEchoClientHandler(payload, listener));
    }

    @Override
    public void send(Channel ch) {
        ch.writeAndFlush(message.retainedDuplicate(), ch.voidPromise());
    }

    @Override
    public void release() {
        if (message.refCnt() > 0) {
            message.release();
        }
    }
}
