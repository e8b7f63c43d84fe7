package org.pairbench.netty.protocol;

import io.netty.channel.EventLoopGroup;
import org.pairbench.core.spec.Protocol;
import org.pairbench.netty.Transport;

/**
 * The one place that maps a workload's {@link Protocol} to the harness's support for it: load targets, parity
 * probes and in-harness servers (see {@link ProtocolSupport}). A new protocol is a new case here and a new
 * {@link ProtocolSupport}; the runner does not change.
 *
 * <p>Threading: immutable after construction; its supports connect and serve on the given group's event loops.
 */
public final class ProtocolFactory {
    private final ProtocolSupport http;
    private final ProtocolSupport tcp;
    private final ProtocolSupport websocket;

    public ProtocolFactory(EventLoopGroup group, Transport transport) {
        this.http = new HttpSupport(group, transport);
        this.tcp = new TcpEchoSupport(group, transport);
        this.websocket = new WebSocketSupport(group, transport);
    }

    public ProtocolSupport of(Protocol protocol) {
        return switch (protocol) {
            case HTTP -> http;
            case TCP -> tcp;
            case WEBSOCKET -> websocket;
        };
    }
}
