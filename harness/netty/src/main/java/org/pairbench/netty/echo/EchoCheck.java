package org.pairbench.netty.echo;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import org.pairbench.core.record.Outcome;
import org.pairbench.netty.load.ExchangeListener;

/**
 * The echo in flight on one connection, checked chunk by chunk as it arrives: each chunk must be the payload's
 * next bytes (compared in place, nothing copied or kept), and the echo is complete at exactly the payload's
 * size. Shared by the TCP and WebSocket echo handlers, which differ only in what a chunk is (a read, a frame
 * fragment) and in what else may arrive.
 *
 * <p>One instance per connection, used by its handler on the connection's event loop.
 */
public final class EchoCheck {
    private EchoPayload payload;
    private final ExchangeListener listener;
    private boolean inFlight;
    /** Bytes of the current echo received and verified. */
    private int received;
    private boolean failed;

    public EchoCheck(EchoPayload payload, ExchangeListener listener) {
        this.payload = payload;
        this.listener = listener;
    }

    /** A message went out: its echo starts from the first byte (one message in flight at a time). */
    public void begin() {
        inFlight = true;
        received = 0;
    }

    /** A message carrying {@code sent} went out: its echo must be that payload. */
    public void begin(EchoPayload sent) {
        payload = sent;
        begin();
    }

    public boolean inFlight() {
        return inFlight;
    }

    /** The connection gave a bad answer: whatever arrives after it is ignored until the close. */
    public boolean failed() {
        return failed;
    }

    /** Whether {@code chunk} holds the next bytes of the echo in flight; if so, counts them. */
    public boolean accept(ByteBuf chunk) {
        if (!inFlight || !payload.matches(received, chunk)) {
            return false;
        }
        received += chunk.readableBytes();
        return true;
    }

    /** Whether all of the payload has come back. */
    public boolean complete() {
        return inFlight && received == payload.size();
    }

    /** Reports the complete echo as {@link Outcome#OK}; the connection can carry the next exchange. */
    public void succeed() {
        inFlight = false;
        listener.onAnswer(Outcome.OK, true);
    }

    /**
     * Reports a {@link Outcome#BAD_RESPONSE} and closes the connection: after a wrong answer the stream cannot be
     * trusted. With nothing in flight the worker counts it as an answer to nothing.
     */
    public void fail(ChannelHandlerContext ctx) {
        failed = true;
        inFlight = false;
        listener.onAnswer(Outcome.BAD_RESPONSE, false);
        ctx.close();
    }
}
