package org.pairbench.netty.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.server.TcpEchoServer;

class TcpEchoProbeIT extends EchoLoopback {
    @Test
    void aCorrectServerEchoesTheWholePayload() throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start(serverGroup, TRANSPORT, 0)) {
            TcpEchoProbe.Echo echo = new TcpEchoProbe(clientGroup, TRANSPORT).exchange(
                    new TcpEchoTarget(server.address(), 65536, Duration.ofSeconds(5)));
            assertThat(echo.matches()).isTrue();
            assertThat(echo.echoed()).isEqualTo(EchoPayload.of(65536).bytes());
            assertThat(echo.describe()).isEqualTo("echoed all 65536 bytes");
            assertThat(server.bytesReceived()).isEqualTo(65536);
        }
    }

    @Test
    void aBrokenServerIsDescribed() throws Exception {
        TcpEchoProbe probe = new TcpEchoProbe(clientGroup, TRANSPORT);
        try (MisbehavingTcpServer shortEcho = MisbehavingTcpServer.start(serverGroup, TRANSPORT,
                MisbehavingTcpServer.Fault.SHORT_THEN_CLOSE);
             MisbehavingTcpServer flip = MisbehavingTcpServer.start(serverGroup, TRANSPORT,
                     MisbehavingTcpServer.Fault.FLIP_BYTE)) {
            TcpEchoProbe.Echo cut = probe.exchange(new TcpEchoTarget(shortEcho.address(), 64, Duration.ofSeconds(5)));
            assertThat(cut.matches()).isFalse();
            assertThat(cut.describe()).isEqualTo("echoed 63 of 64 bytes before closing");
            TcpEchoProbe.Echo flipped = probe.exchange(new TcpEchoTarget(flip.address(), 64, Duration.ofSeconds(5)));
            assertThat(flipped.matches()).isFalse();
            assertThat(flipped.describe()).startsWith("byte 0 of 64 differs");
        }
    }
}
