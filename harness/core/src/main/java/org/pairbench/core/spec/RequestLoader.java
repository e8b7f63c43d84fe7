package org.pairbench.core.spec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.pairbench.core.Printable;

/** Reads a workload's {@code requests:}, whose fields depend on the workload's protocol. Stateless. */
final class RequestLoader {
    /** Largest message a TCP or WebSocket request may carry. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private RequestLoader() {
    }

    static Map<String, RequestSpec> requests(SpecNode node, Protocol protocol) {
        Map<String, RequestSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : node.entries().entrySet()) {
            String name = WorkloadLoader.name(e.getValue(), e.getKey());
            out.put(name, switch (protocol) {
                case HTTP -> http(name, e.getValue());
                case TCP -> tcp(name, e.getValue());
                case WEBSOCKET -> websocket(name, e.getValue());
            });
        }
        if (out.isEmpty()) {
            throw node.error("define at least one request");
        }
        return out;
    }

    private static RequestSpec http(String name, SpecNode r) {
        r.allowOnly("method", "path", "headers");
        String method = r.has("method") ? r.get("method").nonEmptyText().toUpperCase(Locale.ROOT) : "GET";
        if (!method.equals("GET")) {
            throw r.get("method").error("'" + method + "' is not supported yet (only GET)");
        }
        Map<String, String> headers = r.has("headers") ? headers(r.get("headers")) : Map.of();
        return new RequestSpec(name, method, path(r), headers);
    }

    /**
     * Header names must be HTTP tokens and values free of control characters (tab aside): a CR or LF would end
     * the header early and smuggle another header, or a second request, onto the wire.
     */
    private static Map<String, String> headers(SpecNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : node.entries().entrySet()) {
            if (!HEADER_NAME.matcher(e.getKey()).matches()) {
                throw e.getValue().error("header name '" + Printable.escape(e.getKey(), 100) + "' is not an HTTP"
                        + " token (letters, digits and !#$%&'*+.^_`|~- only; no spaces, colons, CR or LF)");
            }
            String value = e.getValue().text();
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw e.getValue().error("header value '" + Printable.escape(value, 100) + "' holds a control"
                        + " character (CR, LF or another): it would break the request on the wire");
            }
            out.put(e.getKey(), value);
        }
        return out;
    }


    private static RequestSpec tcp(String name, SpecNode r) {
        r.allowOnly("size");
        return new RequestSpec(name, "", "", Map.of(), size(r), false, false);
    }

    private static RequestSpec websocket(String name, SpecNode r) {
        r.allowOnly("path", "size", "frame", "deflate");
        boolean text = false;
        if (r.has("frame")) {
            String frame = r.get("frame").nonEmptyText();
            if (!frame.equals("text") && !frame.equals("binary")) {
                throw r.get("frame").error("must be 'text' or 'binary'");
            }
            text = frame.equals("text");
        }
        boolean deflate = r.has("deflate") && r.get("deflate").bool();
        return new RequestSpec(name, "", path(r), Map.of(), size(r), text, deflate);
    }

    private static String path(SpecNode r) {
        String path = r.get("path").nonEmptyText();
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
            throw r.get("path").error("must start with '/' and contain no spaces");
        }
        return path;
    }

    private static int size(SpecNode r) {
        int size = r.get("size").as(Units::parseSizeBytes);
        if (size <= 0 || size > MAX_MESSAGE_BYTES) {
            throw r.get("size").error("must be between 1B and 16MiB");
        }
        return size;
    }
}
