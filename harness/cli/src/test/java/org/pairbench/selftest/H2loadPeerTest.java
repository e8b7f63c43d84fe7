package org.pairbench.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class H2loadPeerTest {
    @Test
    void readsTheRateAndTheSucceededRequestsOfATimedRun() throws IOException {
        String out = """
                Main benchmark duration is over for thread #0. Stopping all clients.

                finished in 5.00s, 95123.40 req/s, 10.21MB/s
                requests: 475617 total, 475681 started, 475617 done, 475600 succeeded, 17 failed, 0 errored, 0 timeout
                status codes: 475600 2xx, 0 3xx, 0 4xx, 0 5xx
                """;
        assertThat(H2loadPeer.parse(out)).containsExactly(95123.40, 475600);
    }

    @Test
    void refusesOutputItCannotRead() {
        assertThatThrownBy(() -> H2loadPeer.parse("connect error")).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected h2load output");
    }
}
