package org.pairbench.snippets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.console.TextTable;

/**
 * The terminal table of {@code pairbench snippets}: per snippet its outcome, the error it recorded, and whether
 * that is what {@code snippets.yaml} expects (otherwise how it differs), with what else was observed on a line
 * below. Pure; numbers in {@link Locale#ROOT}.
 */
public final class SnippetTable {
    private SnippetTable() {
    }

    public static String render(List<SnippetResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"snippet", "outcome", "time", "as expected", "error (as recorded)"});
        for (SnippetResult r : results) {
            rows.add(new String[] {r.id(), r.outcome(), String.format(Locale.ROOT, "%.1fs", r.elapsedMs() / 1000.0),
                r.expected() ? "yes" : SnippetResult.NOT_RUN.equals(r.outcome()) ? "-" : "NO", r.error()});
        }
        StringBuilder out = new StringBuilder("Guide snippets  the guide's code that does not run as written, run "
                + "as written (python-targets/guide_snippets/)\n");
        out.append(TextTable.render(rows, c -> c == 2));
        for (SnippetResult r : results) {
            List<String> notes = new ArrayList<>();
            if (!r.context().isEmpty()) {
                notes.add("while handling " + r.context());
            }
            if (!r.observed().isEmpty() && !SnippetResult.RAN.equals(r.outcome())) {
                notes.add("observed: " + r.observed());
            }
            r.warnings().forEach(w -> notes.add("warning: " + w));
            if (r.mismatch() != null) {
                notes.add("NOT AS EXPECTED: " + r.mismatch());
            }
            for (String n : notes) {
                out.append("  ").append(r.id()).append(": ").append(n).append('\n');
            }
        }
        return out.toString();
    }
}
