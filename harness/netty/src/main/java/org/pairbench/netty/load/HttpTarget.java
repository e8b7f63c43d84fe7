package org.pairbench.netty.load;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.http.HttpRequestBytes;

/**
 * What every worker of a step sends and checks: the loopback address, the pre-encoded request, the body length a
 * correct answer has, and the timeout.
 *
 * @param address           target address; refused unless loopback
 * @param request           the request sent
 * @param expectedBodyBytes body length verified by the parity check; a 2xx of another length counts as a bad
 *                          response (short read); -1 to skip the check
 * @param timeout           a request unanswered this long after its send is recorded at this value and counted
 */
public record HttpTarget(InetSocketAddress address, RequestSpec request, long expectedBodyBytes, Duration timeout) {
    public HttpTarget {
        address = LoopbackGuard.requireLoopback(address);
    }

    ByteBuf requestBuffer() {
        return HttpRequestBytes.buffer(request, address);
    }
}
