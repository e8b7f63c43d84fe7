package org.pairbench.netty.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.parity.ParityCheck;
import org.pairbench.core.result.ParityResult.ParityResponse;
import org.pairbench.core.spec.Protocol;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.server.LoopbackServer;
import org.pairbench.netty.tcp.EchoLoopback;

/**
 * Every protocol's three pieces fit together: the in-harness server the factory starts for a request passes the
 * parity probe the factory gives for it, on one connection, and the load target points at the server.
 */
class ProtocolFactoryIT extends EchoLoopback {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static RequestSpec request(Protocol protocol) {
        return switch (protocol) {
            case HTTP -> new RequestSpec("hello", "GET", "/", Map.of());
            case TCP -> new RequestSpec("m64", "", "", Map.of(), 64, false, false);
            case WEBSOCKET -> new RequestSpec("ws", "GET", "/ws", Map.of(), 256, true, true);
        };
    }

    private static final Map<Protocol, String> CONTENT_TYPE = Map.of(Protocol.HTTP, "text/plain",
            Protocol.TCP, "tcp-echo", Protocol.WEBSOCKET, "websocket-text+deflate");

    @Test
    void eachProtocolsServerPassesItsOwnParityProbe() throws Exception {
        ProtocolFactory servers = new ProtocolFactory(serverGroup, TRANSPORT);
        ProtocolFactory clients = new ProtocolFactory(clientGroup, TRANSPORT);
        for (Protocol protocol : Protocol.values()) {
            RequestSpec request = request(protocol);
            try (LoopbackServer server = servers.of(protocol).startServer(request, 0)) {
                ParityResponse answer = clients.of(protocol).parity("v", server.address(), request, TIMEOUT);
                int ok = protocol == Protocol.HTTP ? 200 : ParityCheck.ECHO_OK;
                assertThat(answer.status()).as(protocol + ": " + answer.bodyPreview()).isEqualTo(ok);
                assertThat(answer.contentType()).as(protocol.toString()).isEqualTo(CONTENT_TYPE.get(protocol));
                assertThat(answer.request()).isEqualTo(request.name());
                assertThat(server.connectionsAccepted()).as(protocol.toString()).isEqualTo(1);

                LoadTarget target = clients.of(protocol).loadTarget(server.address(), request, answer.bodyBytes(),
                        TIMEOUT);
                assertThat(target.address()).isEqualTo(server.address());
                assertThat(target.timeout()).isEqualTo(TIMEOUT);
            }
        }
    }
}
