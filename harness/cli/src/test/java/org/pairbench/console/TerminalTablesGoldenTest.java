package org.pairbench.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The terminal's summary and claims tables, character for character, against golden files made from a few rows
 * of the published reference run (with a failed step, a variant failure and a workload whose parity failed added).
 * They are rendered under a default locale that writes decimal commas: every number must go through
 * {@link Locale#ROOT}. After an intended change of the tables, rerun with {@code -Dgolden.update=true} and review
 * the diff of {@code src/test/resources/golden/}.
 */
class TerminalTablesGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    @Test
    void summaryTable() throws IOException {
        RunSummary summary = ResultsJson.read(DIR.resolve("summary.json"), RunSummary.class);
        check("summary-table.txt", underGermanLocale(() -> SummaryTable.render(summary)));
    }

    @Test
    void claimsTable() throws IOException {
        ClaimsReport claims = ResultsJson.read(DIR.resolve("claims.json"), ClaimsReport.class);
        check("claims-table.txt", underGermanLocale(() -> ClaimsTable.render(claims)));
    }

    private static String underGermanLocale(Supplier<String> render) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            return render.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    private static void check(String golden, String actual) throws IOException {
        Path file = DIR.resolve(golden);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
