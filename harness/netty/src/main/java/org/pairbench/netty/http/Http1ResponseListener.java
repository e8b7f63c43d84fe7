package org.pairbench.netty.http;

/**
 * Receives what {@link Http1ClientHandler} sees on one connection. Called on that connection's event loop.
 */
public interface Http1ResponseListener {

    /**
     * A response was read completely.
     *
     * @param status    HTTP status code
     * @param bodyBytes decoded body length
     * @param keepAlive false when the server announced it will close the connection
     */
    void onResponse(int status, long bodyBytes, boolean keepAlive);

    /** The response could not be decoded; the handler closes the connection after this call. */
    void onBadResponse(Throwable cause);

    /** The connection closed (by either side, or reset). */
    void onClosed();
}
