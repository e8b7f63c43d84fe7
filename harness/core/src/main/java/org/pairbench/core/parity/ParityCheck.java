package org.pairbench.core.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ParityResult.ParityResponse;

/**
 * Decides whether the variants of a workload do the same work: each must answer each parity request with the
 * same status, media type and body bytes as the first variant (the harness's parity probes collect the answers).
 * A workload that fails is not measured, and the error says which variant differed on what. An echo protocol
 * (TCP, WebSocket) has no status of its own: its probe answers {@link #ECHO_OK} when the echo equals what was
 * sent and {@link #ECHO_WRONG} otherwise.
 *
 * <p>Stateless and thread-safe.
 */
public final class ParityCheck {
    /** The status of an echo that equals what was sent. */
    public static final int ECHO_OK = 200;
    /** The status of an echo that differs from what was sent; the answer's preview says how. */
    public static final int ECHO_WRONG = 0;

    private ParityCheck() {
    }

    /**
     * Compares every variant's answers with the first variant's, request by request. An echo that differs from
     * what was sent fails the check whatever the other variants did.
     */
    public static ParityResult compare(List<ParityResponse> responses, int variantCount) {
        List<String> differences = new ArrayList<>();
        for (ParityResponse r : responses) {
            if (r.status() == ECHO_WRONG) {
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
    public static Map<String, Long> bodyLengths(ParityResult parity) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!ParityResult.FAILED.equals(parity.status())) {
            for (ParityResponse r : parity.responses()) {
                out.putIfAbsent(r.request(), (long) r.bodyBytes());
            }
        }
        return out;
    }
}
