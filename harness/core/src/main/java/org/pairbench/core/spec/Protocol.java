package org.pairbench.core.spec;

import java.util.Locale;

/** How a workload's variants are talked to: the workload file's {@code protocol:} (default {@code http}). */
public enum Protocol {
    /** HTTP/1.1 keep-alive, one request in flight per connection. */
    HTTP,
    /** A raw TCP message of a given size, echoed back whole. */
    TCP,
    /** A WebSocket frame of a given size, echoed back as the same frame. */
    WEBSOCKET;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Protocol parse(String text) {
        for (Protocol p : values()) {
            if (p.key().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a protocol (http, tcp, websocket)");
    }
}
