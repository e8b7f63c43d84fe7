package org.pairbench.netty.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.netty.echo.EchoPayload;
import org.pairbench.netty.server.WebSocketEchoServer;
import org.pairbench.netty.tcp.EchoLoopback;

class WebSocketProbeIT extends EchoLoopback {
    @Test
    void reportsTheEchoAndWhetherDeflateWasAgreed() throws Exception {
        WebSocketProbe probe = new WebSocketProbe(clientGroup, TRANSPORT);
        try (WebSocketEchoServer plain = WebSocketEchoServer.start(serverGroup, TRANSPORT, 0,
                new WebSocketEchoServer.Options("/ws", false, 0));
             WebSocketEchoServer deflating = WebSocketEchoServer.start(serverGroup, TRANSPORT, 0,
                     new WebSocketEchoServer.Options("/ws", true, 4096))) {
            WebSocketProbe.Echo offeredButDeclined = probe.exchange(
                    new WebSocketTarget(plain.address(), "/ws", 1024, true, true, Duration.ofSeconds(5)));
            assertThat(offeredButDeclined.matches()).isTrue();
            assertThat(offeredButDeclined.deflate()).isFalse();
            assertThat(offeredButDeclined.extensions()).isEmpty();

            WebSocketProbe.Echo compressed = probe.exchange(
                    new WebSocketTarget(deflating.address(), "/ws", 65536, false, true, Duration.ofSeconds(5)));
            assertThat(compressed.matches()).isTrue();
            assertThat(compressed.deflate()).isTrue();
            assertThat(compressed.echoed()).isEqualTo(EchoPayload.of(65536).bytes());
            assertThat(compressed.describe()).isEqualTo("echoed all 65536 bytes");
        }
    }

    @Test
    void aWrongAnswerOrARefusedHandshakeIsDescribed() throws Exception {
        WebSocketProbe probe = new WebSocketProbe(clientGroup, TRANSPORT);
        try (MisbehavingWebSocketServer otherType = new MisbehavingWebSocketServer(serverGroup, TRANSPORT,
                MisbehavingWebSocketServer.Fault.OTHER_TYPE);
             MisbehavingWebSocketServer closing = new MisbehavingWebSocketServer(serverGroup, TRANSPORT,
                     MisbehavingWebSocketServer.Fault.CLOSE_FRAME);
             WebSocketEchoServer echo404 = WebSocketEchoServer.start(serverGroup, TRANSPORT, 0,
                     new WebSocketEchoServer.Options("/ws", false, 0))) {
            WebSocketProbe.Echo echo = probe.exchange(
                    new WebSocketTarget(otherType.address(), "/ws", 64, true, false, Duration.ofSeconds(5)));
            assertThat(echo.matches()).isFalse();
            assertThat(echo.describe()).isEqualTo("sent a text frame, echoed a binary one");
            assertThatThrownBy(() -> probe.exchange(
                    new WebSocketTarget(closing.address(), "/ws", 64, true, false, Duration.ofSeconds(5))))
                    .hasMessageContaining("closed with status 1011");
            assertThatThrownBy(() -> probe.exchange(
                    new WebSocketTarget(echo404.address(), "/nowhere", 64, true, false, Duration.ofSeconds(5))))
                    .hasMessageContaining("404");
        }
    }
}
