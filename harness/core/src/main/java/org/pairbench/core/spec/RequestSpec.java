package org.pairbench.core.spec;

import java.util.Map;
import org.pairbench.core.Copies;

/**
 * One request a workload sends, named so that steps and the parity check can refer to it. What it is depends on
 * the workload's {@link Protocol}: an HTTP request (method, path, headers), a TCP message of {@code sizeBytes},
 * or a WebSocket frame of {@code sizeBytes} sent on a connection to {@code path}.
 *
 * @param name      key in the workload's {@code requests:} mapping
 * @param method    HTTP method, upper case (HTTP only)
 * @param path      HTTP request target, or the WebSocket endpoint; starts with {@code /} (empty for TCP)
 * @param headers   extra HTTP request headers, the same for every variant, in file order
 * @param sizeBytes message or frame size (TCP, WebSocket); 0 for HTTP
 * @param text      WebSocket frame type: text (true) or binary (false)
 * @param deflate   whether the WebSocket client offers permessage-deflate
 */
public record RequestSpec(String name, String method, String path, Map<String, String> headers, int sizeBytes,
                          boolean text, boolean deflate) {
    public RequestSpec {
        headers = Copies.map(headers);
    }

    /** An HTTP request. */
    public RequestSpec(String name, String method, String path, Map<String, String> headers) {
        this(name, method, path, headers, 0, false, false);
    }
}
