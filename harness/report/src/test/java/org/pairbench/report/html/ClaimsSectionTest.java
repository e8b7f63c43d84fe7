package org.pairbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pairbench.core.verdict.ClaimSource;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.Repetitions;

/**
 * The claims table links only to ids the page has, escapes the words, shows the hypothesis and the broken flag
 * beside the verdict and a plan of repetitions under the reason, and says when there is no file.
 */
class ClaimsSectionTest {
    private static ClaimVerdict claim(String workload, String evidence) {
        return claim(workload, evidence, null);
    }

    private static ClaimVerdict claim(String workload, String evidence, Repetitions repetitions) {
        return new ClaimVerdict("C3/x", "C3", new ClaimSource("AS", "WSGI Server", "aiohttp is <faster> & leaner",
                null), workload, "eventlet", "aiohttp", "throughput", "hello-closed-4c", "req/s", "higher-is-better",
                "mean", "better", 1.1, null, ClaimVerdict.RATIO, ClaimVerdict.SUPPORTED, "r", 1.5, 1.2, 1.8, 0.95, 3,
                List.of(), List.of(), List.of(), null, true, "aiohttp: use_hub() -> AttributeError", evidence,
                repetitions);
    }

    @Test
    void evidenceGoesToAnIdThePageHasOrToNone() {
        Set<String> anchors = Set.of("w-http-hello", "w-http-hello-step-hello-closed-4c", "w-a_b");

        assertThat(ClaimsSection.evidence(claim("http-hello", "#w-http-hello"), anchors)).isEqualTo("#w-http-hello");
        assertThat(ClaimsSection.evidence(claim("a b", "#w-a b"), anchors)).isEqualTo("#w-a_b");
        assertThat(ClaimsSection.evidence(claim("tcp-echo", "#w-tcp-echo"), anchors)).isNull();
    }

    @Test
    void rowsLinkTheirSectionAndStepAndEscapeTheGuidesWords() {
        Html h = new Html();
        ClaimsReport report = new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(),
                List.of(claim("http-hello", "#w-http-hello")));

        ClaimsSection.write(h, report, null, Set.of("w-http-hello", "w-http-hello-step-hello-closed-4c"), List.of(),
                null);

        assertThat(h.toString()).contains("href=\"#w-http-hello\"")
                .contains("href=\"#w-http-hello-step-hello-closed-4c\"")
                .contains("aiohttp is &lt;faster&gt; &amp; leaner").doesNotContain("<faster>")
                .contains("class=\"verdict supported\"").contains("1.50\u00d7").contains("[1.20, 1.80]")
                .contains("AS, WSGI Server").contains("better \u2265 1.10\u00d7")
                .contains("class=\"verdict broken\"").contains("Broken: the guide&#39;s code does not run as written: "
                        + "aiohttp: use_hub() -&gt; AttributeError")
                // the headline counts each verdict; the claim's line in words links to its row
                .contains("1 claim comparisons: ").contains(">1 supported</span>").contains(">0 refuted</span>")
                .contains(">1 broken</span>").contains("href=\"#claim-C3-x\"")
                .contains("aiohttp serves 1.50\u00d7 the requests of eventlet at hello-closed-4c [1.20, 1.80]: "
                        + "supported");
    }

    @Test
    void aPlanOfRepetitionsIsShownUnderTheReasonAndItsAbsenceIsNot() {
        Repetitions plan = new Repetitions(0.03, 0.01, 0.025, 2.0, 3.0, 1.0, 2.0, false, 0.05, 57, true, 0.57, 0.3, 4,
                "57 trials of 2 s would narrow this interval to ±5% (now ±57% from 3 trials of 2 s)");
        Html h = new Html();
        Repetitions none = Repetitions.none("no allocation: a count per request has no value per 1 s interval");
        ClaimsSection.write(h, new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(),
                List.of(claim("w", "#w-w", plan), claim("v", "#w-v", none))), null, Set.of(), List.of(), null);
        assertThat(h.toString()).contains("<small>Repetitions: 57 trials of 2 s would narrow this interval to ±5%"
                + " (now ±57% from 3 trials of 2 s)</small>").doesNotContain("no allocation");
    }

    @Test
    void withoutClaimsJsonItSaysSo() {
        Html h = new Html();
        ClaimsSection.write(h, null, null, Set.of(), List.of(), null);
        assertThat(h.toString()).contains("No claims.json").contains("no verdicts").doesNotContain("<table");
    }
}
