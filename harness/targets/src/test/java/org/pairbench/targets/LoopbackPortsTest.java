package org.pairbench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aFreePortIsFreeAndUsable() throws Exception {
        int port = LoopbackPorts.freePort(LOOPBACK);
        assertThat(port).isBetween(1, 65535);
        LoopbackPorts.requireFree(LOOPBACK, port);
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(LOOPBACK, port));
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aListenedPortIsReportedInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LoopbackPorts.requireFree(LOOPBACK, port))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is in use");
        }
    }
}
