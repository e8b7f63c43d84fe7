package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.verdict.ClaimSource;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;

class ForestRowsTest {
    private static ClaimVerdict claim(String id, String hypothesis, Double factor, Double margin, String scale,
                                      String verdict, Double effect, Double low, Double high) {
        return new ClaimVerdict(id, "C3", new ClaimSource("AS", "S", "q", null), "w", "a", "b", "throughput", "s",
                "req/s", "higher-is-better", "mean", hypothesis, factor, margin, scale, verdict, "r", effect, low,
                high, 0.95, 3, List.of(), List.of(), List.of(), null, false, null, null, null);
    }

    @Test
    void ratioClaimsWithAnEffectAreRowsWithTheirBoundsCountsAndNoDataAreSkipped() {
        ClaimsReport report = new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(), List.of(
                claim("better", "better", 1.1, null, ClaimVerdict.RATIO, ClaimVerdict.SUPPORTED, 2.0, 1.5, 2.5),
                claim("not-worse", "not-worse", null, 0.1, ClaimVerdict.RATIO, ClaimVerdict.INCONCLUSIVE, 0.9, 5e-11,
                        3e12),
                claim("same", "same", null, 0.1, ClaimVerdict.RATIO, ClaimVerdict.SUPPORTED, 1.0, 0.95, 1.05),
                claim("count", "fewer", null, 0.5, ClaimVerdict.DIFFERENCE, ClaimVerdict.SUPPORTED, -1.0, -1.2, -0.8),
                claim("none", "better", 1.1, null, ClaimVerdict.RATIO, ClaimVerdict.NO_DATA, null, null, null)));

        ForestRows forest = ForestRows.of(report);

        assertThat(forest.rows()).extracting(ForestRows.Row::id).containsExactly("better", "not-worse", "same");
        assertThat(forest.skipped()).isEqualTo(2);
        assertThat(forest.rows().get(0).thresholds()).containsExactly(1.1);
        assertThat(forest.rows().get(1).thresholds()).containsExactly(1 / 1.1);
        assertThat(forest.rows().get(2).thresholds()).containsExactly(1 / 1.1, 1.1);
        // an interval past what the axis shows is cut at its ends
        assertThat(forest.rows().get(1).low()).isEqualTo(ForestRows.CLIP_LOW);
        assertThat(forest.rows().get(1).high()).isEqualTo(ForestRows.CLIP_HIGH);
        assertThat(forest.rows().get(0).low()).isEqualTo(1.5);
    }
}
