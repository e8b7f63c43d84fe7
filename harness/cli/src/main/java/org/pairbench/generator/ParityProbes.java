package org.pairbench.generator;

import static org.pairbench.core.parity.ParityCheck.ECHO_OK;
import static org.pairbench.core.parity.ParityCheck.ECHO_WRONG;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.parity.BodyDigest;
import org.pairbench.core.result.ParityResult.ParityResponse;
import org.pairbench.core.spec.Protocol;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.http.HttpProbe;
import org.pairbench.netty.tcp.TcpEchoProbe;
import org.pairbench.netty.tcp.TcpEchoTarget;
import org.pairbench.netty.ws.WebSocketProbe;
import org.pairbench.netty.ws.WebSocketTarget;

/**
 * One exchange per parity request on a fresh connection, whatever the protocol, turned into the answer the
 * parity check compares across variants. HTTP answers keep their status, media type and body. An echo (TCP,
 * WebSocket) is "200" when it equals what was sent and "0" with a description of the difference otherwise; its
 * content type names the protocol, the frame type and whether permessage-deflate was agreed, so two variants
 * that compress differently do not pass as doing the same work.
 *
 * <p>Threading: blocks the caller for each exchange.
 */
public final class ParityProbes {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpProbe http;
    private final TcpEchoProbe tcp;
    private final WebSocketProbe websocket;

    public ParityProbes(EventLoopGroup group, Transport transport) {
        this.http = new HttpProbe(group, transport);
        this.tcp = new TcpEchoProbe(group, transport);
        this.websocket = new WebSocketProbe(group, transport);
    }

    /** One variant's answers to every parity request. */
    public List<ParityResponse> probe(Protocol protocol, String variant, InetSocketAddress address,
                                      List<RequestSpec> requests) throws Exception {
        List<ParityResponse> out = new ArrayList<>();
        for (RequestSpec r : requests) {
            out.add(switch (protocol) {
                case HTTP -> http(variant, address, r);
                case TCP -> tcp(variant, address, r);
                case WEBSOCKET -> websocket(variant, address, r);
            });
        }
        return out;
    }

    private ParityResponse http(String variant, InetSocketAddress address, RequestSpec r) throws Exception {
        HttpProbe.Response resp = http.fetch(address, r, TIMEOUT);
        return new ParityResponse(variant, r.name(), resp.status(), resp.contentType(), resp.body().length,
                BodyDigest.sha256(resp.body()), BodyDigest.preview(resp.body()));
    }

    private ParityResponse tcp(String variant, InetSocketAddress address, RequestSpec r) throws Exception {
        TcpEchoProbe.Echo echo = tcp.exchange(new TcpEchoTarget(address, r.sizeBytes(), TIMEOUT));
        return new ParityResponse(variant, r.name(), echo.matches() ? ECHO_OK : ECHO_WRONG, "tcp-echo",
                echo.echoed().length, BodyDigest.sha256(echo.echoed()), echo.describe());
    }

    private ParityResponse websocket(String variant, InetSocketAddress address, RequestSpec r) throws Exception {
        WebSocketProbe.Echo echo = websocket.exchange(new WebSocketTarget(address, r.path(), r.sizeBytes(), r.text(),
                r.deflate(), TIMEOUT));
        String type = "websocket-" + (echo.echoedText() ? "text" : "binary") + (echo.deflate() ? "+deflate" : "");
        return new ParityResponse(variant, r.name(), echo.matches() ? ECHO_OK : ECHO_WRONG, type,
                echo.echoed().length, BodyDigest.sha256(echo.echoed()), echo.describe());
    }
}
