package org.pairbench.netty.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.load.LoadProtocol;
import org.pairbench.netty.load.LoadTarget;

/**
 * HTTP/1.1 load: the loopback address, the request every worker sends, the body length a correct answer has,
 * and the timeout.
 *
 * @param address           target address; refused unless loopback
 * @param request           the request sent
 * @param expectedBodyBytes body length verified by the parity check; a 2xx of another length counts as a bad
 *                          response (short read); -1 to skip the check
 * @param timeout           a request unanswered this long after its send is recorded at this value and counted
 */
public record HttpTarget(InetSocketAddress address, RequestSpec request, long expectedBodyBytes, Duration timeout)
        implements LoadTarget {
    public HttpTarget {
        address = LoopbackGuard.requireLoopback(address);
    }

    @Override
    public LoadProtocol newProtocol() {
        return new HttpProtocol(request, address, expectedBodyBytes);
    }
}
