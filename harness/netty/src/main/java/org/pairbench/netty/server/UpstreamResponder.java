package org.pairbench.netty.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The upstream that fan-out services call: {@code GET /item?i=K&delay_ms=D} is answered {@code item K\n} after D
 * milliseconds, like a remote service with a known latency. Anything else is a 404. Stateless.
 */
public final class UpstreamResponder implements Responder {
    private static final byte[] NOT_FOUND = "not found\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Answer answer(String uri) {
        if (!uri.startsWith("/item")) {
            return new Answer(404, NOT_FOUND, 0);
        }
        String item = query(uri, "i", "0");
        long delayMs;
        try {
            delayMs = Long.parseLong(query(uri, "delay_ms", "0"));
        } catch (NumberFormatException e) {
            return new Answer(400, "bad delay_ms\n".getBytes(StandardCharsets.US_ASCII), 0);
        }
        return new Answer(200, ("item " + item + "\n").getBytes(StandardCharsets.US_ASCII),
                TimeUnit.MILLISECONDS.toNanos(delayMs));
    }

    /** The value of a query parameter, or the fallback. */
    static String query(String uri, String name, String fallback) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return fallback;
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return fallback;
    }
}
