package org.pairbench.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.OneTrialReading;

/**
 * The quick suite's closing table on a one-trial fixture (golden/one-trial: the golden http-hello trial with an
 * aiohttp beside it, and a reference claims.json): the one-trial effect is the first pair's ratio, read the
 * claim's way round, and "same way" compares sides of the threshold. The rendered table is a golden file ({@code -Dgolden.update=true} rewrites it).
 */
class ReferenceComparisonTableTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    @Test
    void oneTrialEffectIsTheFirstPairReadTheClaimsWayRound() throws IOException {
        RunSummary run = ResultsJson.read(DIR.resolve("one-trial/summary.json"), RunSummary.class);
        ClaimsReport claims = ResultsJson.read(DIR.resolve("claims.json"), ClaimsReport.class);
        // the fixture's aiohttp has half eventlet-wsgi's p99 at hello-open-4000rps: 2x better, lower being better
        assertThat(OneTrialReading.of(run, claim(claims, "C3/aiohttp-p99")).effect()).isCloseTo(2.0, offset(1e-9));
        assertThat(OneTrialReading.of(run, claim(claims, "C3/aiohttp-throughput")).note())
                .isEqualTo(OneTrialReading.FULL_ONLY);
        assertThat(OneTrialReading.of(run, claim(claims, "C21/awaitlet-literal")).note()).isEqualTo("not measured");
        ClaimVerdict literal = claim(claims, "C21/awaitlet-literal");
        // not-worse by 10%: 0.44 lies below 1/1.1, 0.95 above
        assertThat(OneTrialReading.side(literal, 0.44)).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(OneTrialReading.side(literal, 0.95)).isEqualTo(ClaimVerdict.SUPPORTED);
    }

    @Test
    void tableMatchesGolden() throws IOException {
        RunSummary run = ResultsJson.read(DIR.resolve("one-trial/summary.json"), RunSummary.class);
        ClaimsReport claims = ResultsJson.read(DIR.resolve("claims.json"), ClaimsReport.class);
        ClaimsReport reference = ResultsJson.read(DIR.resolve("one-trial/reference-claims.json"),
                ClaimsReport.class);
        String table = ReferenceComparisonTable.render(run, claims, reference, null);
        Path file = DIR.resolve("one-trial/reference-comparison-table.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, table);
        }
        assertThat(table).isEqualTo(Files.readString(file));
        assertThat(ReferenceComparisonTable.render(run, claims, null, "no results/reference/claims.json"))
                .isEqualTo("\nNo comparison with the published reference: no results/reference/claims.json\n");
    }

    private static ClaimVerdict claim(ClaimsReport claims, String id) {
        return claims.claims().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
