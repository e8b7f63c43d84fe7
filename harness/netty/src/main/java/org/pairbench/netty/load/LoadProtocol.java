package org.pairbench.netty.load;

import io.netty.channel.Channel;

/**
 * How one connection exchanges messages with a target: HTTP/1.1 request and response, a TCP message and its
 * echo, a WebSocket frame and its echo. The load workers are the same for every protocol: they decide when to
 * send, time each exchange and record its outcome; the protocol sets up the pipeline, sends one request and
 * judges each answer.
 *
 * <p>One instance per worker (it may hold pre-encoded buffers); calls happen on the worker's event loop. A pool of
 * idle connections shares one instance across event loops, so per-connection state belongs in the channel's
 * handlers and {@link #send} must be safe to call from several loops (retained duplicates of a shared buffer are).
 */
public interface LoadProtocol {

    /** Adds the protocol's handlers to a new connection; they report to {@code listener}. */
    void initChannel(Channel ch, ExchangeListener listener);

    /**
     * Whether a new connection must finish a handshake (reported by {@link ExchangeListener#onReady()}) before
     * its first exchange. When false the connection is ready once connected.
     */
    default boolean needsHandshake() {
        return false;
    }

    /** Sends one request on a ready connection that has nothing in flight. */
    void send(Channel ch);

    /** Frees what the protocol holds (encoded requests); called once, when its worker is done. */
    void release();
}
