package org.pairbench.netty.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.server.CalibrationHttpServer;

class HttpProbeIT {
    @Test
    void fetchesTheWholeResponseWithItsMediaType() throws Exception {
        Transport t = Transport.best();
        EventLoopGroup group = t.newGroup(1, "probe-test");
        try (CalibrationHttpServer server = CalibrationHttpServer.start(group, t, NanoClock.SYSTEM, 0)) {
            HttpProbe.Response r = new HttpProbe(group, t).fetch(server.address(),
                    new RequestSpec("hello", "GET", "/", Map.of()), Duration.ofSeconds(5));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/plain");
            assertThat(r.bodyText()).isEqualTo("Hello, World!\n");
            assertThat(server.requestsReceived()).isEqualTo(1);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void mediaTypeDropsParametersAndCase() {
        assertThat(HttpProbe.mediaType("Application/JSON; charset=utf-8")).isEqualTo("application/json");
        assertThat(HttpProbe.mediaType(null)).isEmpty();
    }
}
