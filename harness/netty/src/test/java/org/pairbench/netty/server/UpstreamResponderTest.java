package org.pairbench.netty.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpstreamResponderTest {
    private final UpstreamResponder upstream = new UpstreamResponder();

    @Test
    void itemsAreAnsweredAfterTheirDelay() {
        Responder.Answer a = upstream.answer("/item?i=42&delay_ms=10");
        assertThat(a.status()).isEqualTo(200);
        assertThat(new String(a.body(), StandardCharsets.US_ASCII)).isEqualTo("item 42\n");
        assertThat(a.delayNs()).isEqualTo(10_000_000L);
        assertThat(upstream.answer("/item?delay_ms=0&i=7").body()).isEqualTo("item 7\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void otherPathsAndBadDelaysAreRefused() {
        assertThat(upstream.answer("/other").status()).isEqualTo(404);
        assertThat(upstream.answer("/item?i=1&delay_ms=soon").status()).isEqualTo(400);
    }
}
