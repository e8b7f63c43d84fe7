package org.pairbench.netty.protocol;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.pairbench.core.parity.BodyDigest;
import org.pairbench.core.result.ParityResult.ParityResponse;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.http.HttpProbe;
import org.pairbench.netty.http.HttpTarget;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.netty.server.LoopbackServer;

/** HTTP/1.1: {@link HttpTarget}, {@link HttpProbe}, and the {@link CalibrationHttpServer} answering at once. */
final class HttpSupport implements ProtocolSupport {
    private final EventLoopGroup group;
    private final Transport transport;
    private final HttpProbe probe;

    HttpSupport(EventLoopGroup group, Transport transport) {
        this.group = group;
        this.transport = transport;
        this.probe = new HttpProbe(group, transport);
    }

    @Override
    public LoadTarget loadTarget(InetSocketAddress address, RequestSpec request, long expectedBodyBytes,
                                 Duration timeout) {
        return new HttpTarget(address, request, expectedBodyBytes, timeout);
    }

    @Override
    public ParityResponse parity(String variant, InetSocketAddress address, RequestSpec request, Duration timeout)
            throws Exception {
        HttpProbe.Response resp = probe.fetch(address, request, timeout);
        return new ParityResponse(variant, request.name(), resp.status(), resp.contentType(), resp.body().length,
                BodyDigest.sha256(resp.body()), BodyDigest.preview(resp.body()));
    }

    @Override
    public LoopbackServer startServer(RequestSpec request, int port) throws InterruptedException {
        return CalibrationHttpServer.start(group, transport, NanoClock.SYSTEM, 0, port);
    }
}
