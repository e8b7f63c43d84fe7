package org.pairbench.jmh;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.http.HttpRequestBytes;

/**
 * Encoding an HTTP request. The generator encodes each workload request once per worker and step
 * ({@link HttpRequestBytes#buffer}) and then, on every send, writes a retained duplicate of that read-only buffer;
 * this shows both sides of that design:
 * <ul>
 *   <li>{@code encode}: {@link HttpRequestBytes#encode}, request line, {@code Host} and the spec's headers into a
 *       string;</li>
 *   <li>{@code buffer}: {@link HttpRequestBytes#buffer}, the same into a new unpooled direct buffer, released at
 *       once (the once-per-step cost);</li>
 *   <li>{@code perSendDuplicate}: {@code retainedDuplicate()} of the encoded buffer and its release, what the event
 *       loop pays per send to reuse the bytes instead of encoding them (the socket write itself is not
 *       included).</li>
 * </ul>
 * {@code headers}: none (the http-hello workload's {@code GET /}) or three typical client headers. Scores are ns
 * per call.
 */
@State(Scope.Thread)
public class HttpRequestEncodeBenchmark extends HarnessBenchmark {
    @Param({"0", "3"})
    public int headers;

    private RequestSpec request;
    private InetSocketAddress target;
    private ByteBuf encoded;

    @Setup
    public void setUp() {
        Map<String, String> h = new LinkedHashMap<>();
        if (headers >= 3) {
            h.put("Accept", "text/plain, application/json");
            h.put("User-Agent", "pairbench/0.1");
            h.put("Accept-Encoding", "identity");
        }
        request = new RequestSpec("hello", "GET", "/", h);
        target = new InetSocketAddress("127.0.0.1", 8080);
        encoded = HttpRequestBytes.buffer(request, target);
    }

    @TearDown
    public void tearDown() {
        encoded.release();
    }

    @Benchmark
    public String encode() {
        return HttpRequestBytes.encode(request, target);
    }

    @Benchmark
    public void buffer(Blackhole bh) {
        ByteBuf b = HttpRequestBytes.buffer(request, target);
        bh.consume(b.readableBytes());
        b.release();
    }

    @Benchmark
    public void perSendDuplicate(Blackhole bh) {
        ByteBuf d = encoded.retainedDuplicate();
        bh.consume(d);
        d.release();
    }
}
