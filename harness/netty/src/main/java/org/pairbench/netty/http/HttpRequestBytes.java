package org.pairbench.netty.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pairbench.core.spec.RequestSpec;

/**
 * Encodes a workload request once into the exact HTTP/1.1 bytes every send reuses, so the hot path copies no
 * headers and allocates nothing: each send writes a retained duplicate of the same read-only buffer. Every
 * variant gets byte-identical requests. Stateless.
 */
public final class HttpRequestBytes {
    private HttpRequestBytes() {
    }

    /** The request line and headers: {@code Host} names the target, then the spec's headers, in order. */
    public static String encode(RequestSpec request, InetSocketAddress target) {
        StringBuilder sb = new StringBuilder(128)
                .append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader(target)).append("\r\n");
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /**
     * A direct buffer of the encoded request, owned by the caller: send {@code retainedDuplicate()} each time and
     * {@code release()} it once no more sends will follow.
     */
    public static ByteBuf buffer(RequestSpec request, InetSocketAddress target) {
        byte[] bytes = encode(request, target).getBytes(StandardCharsets.US_ASCII);
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    private static String hostHeader(InetSocketAddress target) {
        String host = target.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + target.getPort();
    }
}
