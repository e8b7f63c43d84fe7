package org.pairbench.core.snippet;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * The guide-snippet step of a run, as {@code run.json} records it ({@code guideSnippets}): every snippet of
 * {@code python-targets/guide_snippets/} run in the targets' environment before the first workload, or why the step
 * did not run. Immutable.
 *
 * @param status  {@value #COMPLETE} or {@value #NOT_RUN}
 * @param note    why it did not run; empty when it ran
 * @param results one per snippet, in id order; empty when it did not run
 */
public record SnippetRun(String status, String note, List<SnippetResult> results) {
    public static final String COMPLETE = "complete";
    public static final String NOT_RUN = "not-run";

    public SnippetRun {
        results = Copies.list(results);
    }

    public static SnippetRun notRun(String why) {
        return new SnippetRun(NOT_RUN, why, List.of());
    }

    /**
     * The error this run recorded for a snippet, one line ({@link SnippetResult#error()}), or a sentence saying it
     * was not recorded and why.
     */
    public String errorOf(String snippetId) {
        for (SnippetResult r : results) {
            if (r.id().equals(snippetId)) {
                return r.error();
            }
        }
        return "not recorded in this run (" + (note.isEmpty() ? "no result for " + snippetId : note)
                + "; ./pairbench snippets runs it)";
    }
}
