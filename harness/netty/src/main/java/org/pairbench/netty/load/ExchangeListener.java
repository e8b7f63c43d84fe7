package org.pairbench.netty.load;

import org.pairbench.core.record.Outcome;

/** What a protocol's handlers report about one connection. Called on the connection's event loop. */
public interface ExchangeListener {

    /** The connection finished its handshake and can carry exchanges (protocols that need one). */
    void onReady();

    /**
     * The exchange in flight ended with an answer.
     *
     * @param outcome  {@link Outcome#OK}, {@link Outcome#NON_2XX} or {@link Outcome#BAD_RESPONSE} (undecodable,
     *                 short or differing answer); never success for a wrong answer
     * @param keepOpen false when the connection cannot carry another exchange (the server said it will close,
     *                 or the stream is no longer trustworthy): the worker closes and replaces it
     */
    void onAnswer(Outcome outcome, boolean keepOpen);

    /** The connection closed (by either side, or reset). */
    void onClosed();
}
