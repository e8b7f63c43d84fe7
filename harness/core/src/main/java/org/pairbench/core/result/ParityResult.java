package org.pairbench.core.result;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * The check made before measuring: every variant got the workload's parity requests and must answer each with
 * the same status, content type (media type, parameters ignored) and body bytes.
 *
 * @param status    {@code passed}, {@code failed}, or {@code skipped} (a single variant)
 * @param responses what each variant answered
 * @param error     what differed, or null
 */
public record ParityResult(String status, List<ParityResponse> responses, String error) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public ParityResult {
        responses = Copies.list(responses);
    }

    /**
     * One variant's answer to one parity request.
     *
     * @param bodyPreview the first bytes of the body as text, for error messages and reports
     */
    public record ParityResponse(String variant, String request, int status, String contentType, int bodyBytes,
                                 String bodySha256, String bodyPreview) {
    }
}
