package org.pairbench.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkPeerTest {
    private static final String REPORT = """
            Running 5s test @ http://127.0.0.1:40001/?delay_us=0
              1 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.32ms  412.04us  11.93ms   91.20%
                Req/Sec    48.81k     2.10k   52.31k    74.00%
              242876 requests in 5.00s, 29.18MB read
            Requests/sec:  48573.21
            Transfer/sec:      5.84MB
            """;

    @Test
    void readsThroughputAndTotalFromWrksReport() throws Exception {
        double[] parsed = WrkPeer.parse(REPORT);
        assertThat(parsed[0]).isEqualTo(48573.21);
        assertThat(parsed[1]).isEqualTo(242876);
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> WrkPeer.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .hasMessageContaining("unexpected wrk output");
    }

    @Test
    void keepsOnlyNameAndVersion() {
        assertThat(WrkPeer.shortVersion("wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer"))
                .isEqualTo("wrk debian/4.1.0-3+b2");
    }
}
