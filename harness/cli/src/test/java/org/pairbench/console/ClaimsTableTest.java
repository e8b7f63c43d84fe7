package org.pairbench.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsReport;

class ClaimsTableTest {

    private static ClaimVerdict verdict(String id, String verdict, int trials, Double effect) {
        return new ClaimVerdict(id, "C3", "words", "AS", "http-hello", "eventlet-wsgi", "aiohttp", "throughput",
                "hello-closed-64c", "req/s", "higher-is-better", 1.1, verdict, "why " + id, effect,
                effect == null ? null : effect * 0.9, effect == null ? null : effect * 1.1, 2.0, trials,
                List.of(), List.of(), null, "#workload-http-hello");
    }

    @Test
    void aOneTrialRunSaysOnceThatNothingCouldBeJudged() {
        ClaimsReport report = new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(), List.of(
                verdict("C3/a", ClaimVerdict.NO_DATA, 1, null), verdict("C3/b", ClaimVerdict.NO_DATA, 0, null)));
        String text = ClaimsTable.render(report);
        assertTrue(text.contains("2 claim comparisons concern this run, none judged"), text);
        assertFalse(text.contains("C3/a"), text);
    }

    @Test
    void oneJudgedClaimBringsBackTheWholeTable() {
        ClaimsReport report = new ClaimsReport(ClaimsReport.SCHEMA, "r", List.of(), List.of(
                verdict("C3/a", ClaimVerdict.SUPPORTED, 3, 2.5), verdict("C3/b", ClaimVerdict.NO_DATA, 1, null)));
        String text = ClaimsTable.render(report);
        List<String> rows = text.lines().filter(l -> l.contains("C3/")).toList();
        assertEquals(2, rows.size(), text);
        assertTrue(rows.get(0).contains("supported") && rows.get(0).contains("2.5"), text);
        assertTrue(rows.get(1).contains("no-data"), text);
    }
}
