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
import org.pairbench.netty.server.TcpEchoServer;
import org.pairbench.netty.tcp.TcpEchoProbe;
import org.pairbench.netty.tcp.TcpEchoTarget;

/** TCP echo: {@link TcpEchoTarget}, {@link TcpEchoProbe}, and the {@link TcpEchoServer}. */
final class TcpEchoSupport implements ProtocolSupport {
    private final EventLoopGroup group;
    private final Transport transport;
    private final TcpEchoProbe probe;

    TcpEchoSupport(EventLoopGroup group, Transport transport) {
        this.group = group;
        this.transport = transport;
        this.probe = new TcpEchoProbe(group, transport);
    }

    @Override
    public LoadTarget loadTarget(InetSocketAddress address, RequestSpec request, long expectedBodyBytes,
                                 Duration timeout) {
        return new TcpEchoTarget(address, request.sizeBytes(), timeout);
    }

    /** Content type "tcp-echo": an echo has none, and two protocols must not pass as doing the same work. */
    @Override
    public ParityResponse parity(String variant, InetSocketAddress address, RequestSpec request, Duration timeout)
            throws Exception {
        TcpEchoProbe.Echo echo = probe.exchange(new TcpEchoTarget(address, request.sizeBytes(), timeout));
        return new ParityResponse(variant, request.name(), echo.matches() ? ECHO_OK : ECHO_WRONG, "tcp-echo",
                echo.echoed().length, BodyDigest.sha256(echo.echoed()), echo.describe());
    }

    @Override
    public LoopbackServer startServer(RequestSpec request, int port) throws InterruptedException {
        return TcpEchoServer.start(group, transport, port);
    }
}
