package org.pairbench.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ParityResult.ParityResponse;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.netty.http.HttpProbe;

/**
 * Decides whether the variants of a workload do the same work: each must answer each parity request with the
 * same status, media type and body bytes as the first variant. A workload that fails is not measured, and the
 * error says which variant differed on what.
 *
 * <p>Stateless apart from the probe; called from the runner's thread.
 */
final class ParityCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int PREVIEW_BYTES = 80;

    private ParityCheck() {
    }

    /** One variant's answers to every parity request. */
    static List<ParityResponse> probe(HttpProbe probe, String variant, java.net.InetSocketAddress address,
                                      List<RequestSpec> requests) throws Exception {
        List<ParityResponse> out = new ArrayList<>();
        for (RequestSpec r : requests) {
            HttpProbe.Response resp = probe.fetch(address, r, TIMEOUT);
            out.add(new ParityResponse(variant, r.name(), resp.status(), resp.contentType(), resp.body().length,
                    sha256(resp.body()), preview(resp.body())));
        }
        return out;
    }

    /** Compares every variant's answers with the first variant's, request by request. */
    static ParityResult compare(List<ParityResponse> responses, int variantCount) {
        if (variantCount < 2) {
            return new ParityResult(ParityResult.SKIPPED, responses, null);
        }
        Map<String, ParityResponse> reference = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
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

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, PREVIEW_BYTES), StandardCharsets.UTF_8);
        return text.replace("\n", "\\n").replace("\r", "\\r") + (body.length > PREVIEW_BYTES ? "..." : "");
    }
}
