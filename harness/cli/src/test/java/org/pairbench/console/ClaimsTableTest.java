package org.pairbench.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.verdict.ClaimSource;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;

class ClaimsTableTest {
    static final ClaimSource SOURCE = new ClaimSource("AS", "Conclusion",
            "Migrating to AsyncIO can significantly improve the performance", null);

    static ClaimVerdict verdict(String id, String verdict, int trials, Double effect, String guideCode) {
        return new ClaimVerdict(id, "C3", SOURCE, "http-hello", "eventlet-wsgi", "aiohttp", "throughput",
                "hello-closed-64c", "req/s", "higher-is-better", "mean", "better", 1.1, null, ClaimVerdict.RATIO,
                verdict, "why " + id, effect, effect == null ? null : effect * 0.9,
                effect == null ? null : effect * 1.1, 0.95, trials, List.of(), List.of(), List.of(), null,
                guideCode != null, guideCode, "#w-http-hello", null);
    }

    @Test
    void aOneTrialRunSaysOnceThatNothingCouldBeJudged() {
        ClaimsReport report = new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(), List.of(
                verdict("C3/a", ClaimVerdict.NO_DATA, 1, null, null), verdict("C3/b", ClaimVerdict.NO_DATA, 0, null, null)));
        String text = ClaimsTable.render(report);
        assertTrue(text.contains("2 claim comparisons concern this run, none judged"), text);
        assertFalse(text.contains("C3/a"), text);
    }

    @Test
    void eachRowShowsItsHypothesisAndUnderItTheWordsAndTheBrokenFlag() {
        ClaimsReport report = new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(), List.of(
                verdict("C3/a", ClaimVerdict.SUPPORTED, 3, 2.5, "aiohttp: x() -> AttributeError: y"),
                verdict("C3/b", ClaimVerdict.NO_DATA, 1, null, null)));
        String text = ClaimsTable.render(report);
        List<String> rows = text.lines().filter(l -> l.contains("C3/")).toList();
        assertEquals(2, rows.size(), text);
        assertTrue(rows.get(0).contains("supported") && rows.get(0).contains("2.50x")
                && rows.get(0).contains("better >= 1.10x"), text);
        assertTrue(rows.get(1).contains("no-data"), text);
        assertTrue(text.contains("      AS, Conclusion: \u201cMigrating to AsyncIO can significantly improve"), text);
        assertTrue(text.contains("      broken: the guide's code does not run as written: aiohttp: x() -> "
                + "AttributeError: y"), text);
        assertEquals(1, text.lines().filter(l -> l.contains("broken:")).count(), text);
    }
}
