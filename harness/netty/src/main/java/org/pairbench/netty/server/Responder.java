package org.pairbench.netty.server;

/**
 * What the in-harness HTTP server answers to a request: a body and how long to wait before sending it. Called on
 * the server's event loop, once per request; must not block.
 */
@FunctionalInterface
public interface Responder {

    /**
     * @param uri the request target, e.g. {@code /item?i=3&delay_ms=10}
     */
    Answer answer(String uri);

    /**
     * @param status  HTTP status
     * @param body    body bytes (not modified by the server)
     * @param delayNs how long after the request arrived the answer is sent
     */
    record Answer(int status, byte[] body, long delayNs) {
    }
}
