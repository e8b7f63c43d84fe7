package org.pairbench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ParityResult.ParityResponse;

/**
 * Decides whether the variants of a workload do the same work: each must answer each parity request with the
 * same status, media type and body bytes as the first variant (answers come from {@link ParityProbes}). A
 * workload that fails is not measured, and the error says which variant differed on what.
 *
 * <p>Stateless; called from the runner's thread.
 */
final class ParityCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ParityCheck() {
    }

    /**
     * Compares every variant's answers with the first variant's, request by request. An echo that differs from
     * what was sent fails the check whatever the other variants did.
     */
    static ParityResult compare(List<ParityResponse> responses, int variantCount) {
        List<String> differences = new ArrayList<>();
        for (ParityResponse r : responses) {
            if (r.status() == ParityProbes.ECHO_WRONG) {
                differences.add("request '" + r.request() + "': " + r.variant() + " " + r.bodyPreview());
            }
        }
        if (variantCount < 2 && differences.isEmpty()) {
            return new ParityResult(ParityResult.SKIPPED, responses, null);
        }
        Map<String, ParityResponse> reference = new LinkedHashMap<>();
        for (ParityResponse r : responses) {
            ParityResponse ref = reference.putIfAbsent(r.request(), r);
            if (ref != null) {
                String diff = difference(ref, r);
                if (diff != null) {
                    differences.add(diff);
                }
            }
        }
        return differences.isEmpty() ? new ParityResult(ParityResult.PASSED, responses, null)
                : new ParityResult(ParityResult.FAILED, responses, String.join("; ", differences));
    }

    private static String difference(ParityResponse ref, ParityResponse r) {
        String what;
        if (ref.status() != r.status()) {
            what = "status " + r.status() + " vs " + ref.status();
        } else if (!ref.contentType().equals(r.contentType())) {
            what = "content type '" + r.contentType() + "' vs '" + ref.contentType() + "'";
        } else if (!ref.bodySha256().equals(r.bodySha256())) {
            what = "body " + r.bodyBytes() + " bytes \"" + r.bodyPreview() + "\" vs " + ref.bodyBytes()
                    + " bytes \"" + ref.bodyPreview() + "\"";
        } else {
            return null;
        }
        return "request '" + r.request() + "': " + r.variant() + " answered " + what + " of " + ref.variant();
    }

    /**
     * Body length every variant answered for each request (or the only variant, when there is one), which the
     * load then checks on every response.
     */
    static Map<String, Long> bodyLengths(ParityResult parity) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!ParityResult.FAILED.equals(parity.status())) {
            for (ParityResponse r : parity.responses()) {
                out.putIfAbsent(r.request(), (long) r.bodyBytes());
            }
        }
        return out;
    }
}
