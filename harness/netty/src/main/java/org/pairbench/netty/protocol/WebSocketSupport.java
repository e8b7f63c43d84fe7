package org.pairbench.netty.protocol;

import static org.pairbench.core.parity.ParityCheck.ECHO_OK;
import static org.pairbench.core.parity.ParityCheck.ECHO_WRONG;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.pairbench.core.parity.BodyDigest;
import org.pairbench.core.result.ParityResult.ParityResponse;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.server.LoopbackServer;
import org.pairbench.netty.server.WebSocketEchoServer;
import org.pairbench.netty.ws.WebSocketProbe;
import org.pairbench.netty.ws.WebSocketTarget;

/** WebSocket echo: {@link WebSocketTarget}, {@link WebSocketProbe}, and the {@link WebSocketEchoServer}. */
final class WebSocketSupport implements ProtocolSupport {
    private final EventLoopGroup group;
    private final Transport transport;
    private final WebSocketProbe probe;

    WebSocketSupport(EventLoopGroup group, Transport transport) {
        this.group = group;
        this.transport = transport;
        this.probe = new WebSocketProbe(group, transport);
    }

    @Override
    public LoadTarget loadTarget(InetSocketAddress address, RequestSpec request, long expectedBodyBytes,
                                 Duration timeout) {
        return target(address, request, timeout);
    }

    /**
     * The content type names the frame type and whether permessage-deflate was agreed, so two variants that
     * compress differently do not pass as doing the same work.
     */
    @Override
    public ParityResponse parity(String variant, InetSocketAddress address, RequestSpec request, Duration timeout)
            throws Exception {
        WebSocketProbe.Echo echo = probe.exchange(target(address, request, timeout));
        String type = "websocket-" + (echo.echoedText() ? "text" : "binary") + (echo.deflate() ? "+deflate" : "");
        return new ParityResponse(variant, request.name(), echo.matches() ? ECHO_OK : ECHO_WRONG, type,
                echo.echoed().length, BodyDigest.sha256(echo.echoed()), echo.describe());
    }

    /** Accepts deflate exactly when the request offers it, on the request's path. */
    @Override
    public LoopbackServer startServer(RequestSpec request, int port) throws InterruptedException {
        return WebSocketEchoServer.start(group, transport, port,
                new WebSocketEchoServer.Options(request.path(), request.deflate(), 0));
    }

    private static WebSocketTarget target(InetSocketAddress address, RequestSpec request, Duration timeout) {
        return new WebSocketTarget(address, request.path(), request.sizeBytes(), request.text(), request.deflate(),
                timeout);
    }
}
