package org.pairbench.core.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ParityResult.ParityResponse;

class ParityCheckTest {
    private static ParityResponse r(String variant, String request, int status, String type, String sha, int bytes) {
        return new ParityResponse(variant, request, status, type, bytes, sha, "preview-" + variant);
    }

    @Test
    void identicalAnswersPass() {
        ParityResult p = ParityCheck.compare(List.of(r("a", "hello", 200, "text/plain", "x", 14),
                r("b", "hello", 200, "text/plain", "x", 14)), 2);
        assertThat(p.status()).isEqualTo(ParityResult.PASSED);
        assertThat(ParityCheck.bodyLengths(p)).containsEntry("hello", 14L);
    }

    @Test
    void aDifferentBodySaysWhichVariantAndRequest() {
        ParityResult p = ParityCheck.compare(List.of(r("a", "hello", 200, "text/plain", "x", 14),
                r("a", "json", 200, "application/json", "j", 1024),
                r("b", "hello", 200, "text/plain", "x", 14),
                r("b", "json", 200, "application/json", "k", 1023)), 2);
        assertThat(p.status()).isEqualTo(ParityResult.FAILED);
        assertThat(p.error()).isEqualTo("request 'json': b answered body 1023 bytes \"preview-b\" vs 1024 bytes "
                + "\"preview-a\" of a");
        assertThat(ParityCheck.bodyLengths(p)).isEmpty();
    }

    @Test
    void statusAndMediaTypeDifferencesAreNamed() {
        assertThat(ParityCheck.compare(List.of(r("a", "h", 200, "text/plain", "x", 1),
                r("b", "h", 404, "text/plain", "x", 1)), 2).error()).contains("status 404 vs 200");
        assertThat(ParityCheck.compare(List.of(r("a", "h", 200, "text/plain", "x", 1),
                r("b", "h", 200, "text/html", "x", 1)), 2).error()).contains("content type 'text/html' vs 'text/plain'");
    }

    @Test
    void anEchoThatDiffersFromWhatWasSentFailsEvenAlone() {
        ParityResult p = ParityCheck.compare(List.of(new ParityResponse("a", "m64", ParityCheck.ECHO_WRONG,
                "tcp-echo", 63, "x", "echoed 63 of 64 bytes before closing")), 1);
        assertThat(p.status()).isEqualTo(ParityResult.FAILED);
        assertThat(p.error()).isEqualTo("request 'm64': a echoed 63 of 64 bytes before closing");
    }

    @Test
    void variantsThatAgreeOnCompressionDifferentlyDoNotPass() {
        ParityResult p = ParityCheck.compare(List.of(
                new ParityResponse("a", "m", 200, "websocket-binary+deflate", 16, "x", "echoed all 16 bytes"),
                new ParityResponse("b", "m", 200, "websocket-binary", 16, "x", "echoed all 16 bytes")), 2);
        assertThat(p.status()).isEqualTo(ParityResult.FAILED);
        assertThat(p.error()).contains("content type 'websocket-binary' vs 'websocket-binary+deflate'");
    }

    @Test
    void aSingleVariantHasNothingToCompareWith() {
        ParityResult p = ParityCheck.compare(List.of(r("a", "h", 200, "t", "x", 1)), 1);
        assertThat(p.status()).isEqualTo(ParityResult.SKIPPED);
        // its answer still fixes the body length every response under load must have
        assertThat(ParityCheck.bodyLengths(p)).containsEntry("h", 1L);
    }
}
