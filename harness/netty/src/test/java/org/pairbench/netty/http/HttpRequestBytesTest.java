package org.pairbench.netty.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.RequestSpec;

class HttpRequestBytesTest {
    @Test
    void encodesRequestLineHostAndHeadersInOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String text = HttpRequestBytes.encode(new RequestSpec("json", "GET", "/json", headers),
                new InetSocketAddress("127.0.0.1", 8080));
        assertThat(text).isEqualTo("GET /json HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\n\r\n");
    }

    @Test
    void bracketsIpv6Hosts() {
        String text = HttpRequestBytes.encode(new RequestSpec("r", "GET", "/", Map.of()),
                new InetSocketAddress("::1", 9));
        assertThat(text).contains("Host: [0:0:0:0:0:0:0:1]:9\r\n");
    }

    @Test
    void theSharedBufferSurvivesManySends() {
        var buf = HttpRequestBytes.buffer(new RequestSpec("r", "GET", "/", Map.of()),
                new InetSocketAddress("127.0.0.1", 1));
        int length = buf.readableBytes();
        for (int i = 0; i < 1000; i++) {
            var dup = buf.retainedDuplicate();
            dup.skipBytes(dup.readableBytes());
            dup.release();
        }
        assertThat(buf.readableBytes()).isEqualTo(length);
        assertThat(buf.refCnt()).isEqualTo(1);
        buf.release();
    }
}
