package org.pairbench.netty.protocol;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.pairbench.core.result.ParityResult.ParityResponse;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.server.LoopbackServer;

/**
 * What the harness does with one wire protocol, given a workload's request: the load it sends, the parity
 * exchange it makes before measuring, and the in-harness server that answers it correctly (the known truth the
 * other two are tested against). Obtained from {@link ProtocolFactory}.
 *
 * <p>Threading: {@link #loadTarget} is pure; {@link #parity} and {@link #startServer} block the caller.
 */
public interface ProtocolSupport {
    /**
     * The load target for {@code request} at {@code address}.
     *
     * @param expectedBodyBytes the body length every variant answered at parity (HTTP checks it on every answer),
     *                          -1 when unknown; the echo protocols check the echo against what they sent instead
     */
    LoadTarget loadTarget(InetSocketAddress address, RequestSpec request, long expectedBodyBytes, Duration timeout);

    /**
     * One exchange of {@code request} on a fresh connection, as the parity check compares it across variants.
     * HTTP answers keep their status, media type and body; an echo is {@code ParityCheck.ECHO_OK} when it equals
     * what was sent and {@code ParityCheck.ECHO_WRONG} (with the difference as preview) otherwise.
     */
    ParityResponse parity(String variant, InetSocketAddress address, RequestSpec request, Duration timeout)
            throws Exception;

    /** Starts the harness's own server for this protocol on {@code port} of 127.0.0.1 (0: ephemeral). */
    LoopbackServer startServer(RequestSpec request, int port) throws InterruptedException;
}
