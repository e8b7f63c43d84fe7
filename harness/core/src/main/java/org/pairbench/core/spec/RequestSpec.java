package org.pairbench.core.spec;

import java.util.Map;
import org.pairbench.core.Copies;

/**
 * One request a workload sends, named so that steps and the parity check can refer to it.
 *
 * @param name    key in the workload's {@code requests:} mapping
 * @param method  HTTP method, upper case
 * @param path    request target, starting with {@code /}
 * @param headers extra request headers, the same for every variant
 */
public record RequestSpec(String name, String method, String path, Map<String, String> headers) {
    public RequestSpec {
        headers = Copies.map(headers);
    }
}
