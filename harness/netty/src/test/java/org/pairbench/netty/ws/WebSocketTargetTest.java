package org.pairbench.netty.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebSocketTargetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void theHandshakeUriNamesTheLoopbackAddressPortAndPath() {
        assertThat(new WebSocketTarget(new InetSocketAddress("127.0.0.1", 8765), "/ws?room=1", 64, true, false,
                TIMEOUT).uri()).hasToString("ws://127.0.0.1:8765/ws?room=1");
        assertThat(new WebSocketTarget(new InetSocketAddress("::1", 8765), "/", 64, true, false, TIMEOUT).uri())
                .hasToString("ws://[::1]:8765/");
    }

    @Test
    void framesUpToThePayloadAndDeflatesWorstCaseAreAccepted() {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        assertThat(new WebSocketTarget(a, "/", 64, true, false, TIMEOUT).maxFramePayloadBytes()).isEqualTo(65536);
        assertThat(new WebSocketTarget(a, "/", 65536, true, true, TIMEOUT).maxFramePayloadBytes())
                .isGreaterThan(65536);
    }

    @Test
    void refusesANonLoopbackAddressAPathWithoutSlashAndAnEmptyFrame() {
        assertThatThrownBy(() -> new WebSocketTarget(new InetSocketAddress("10.1.2.3", 80), "/", 64, true, false,
                TIMEOUT)).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> new WebSocketTarget(new InetSocketAddress("127.0.0.1", 80), "ws", 64, true, false,
                TIMEOUT)).hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> new WebSocketTarget(new InetSocketAddress("127.0.0.1", 80), "/", 0, true, false,
                TIMEOUT)).hasMessageContaining("at least one byte");
    }
}
