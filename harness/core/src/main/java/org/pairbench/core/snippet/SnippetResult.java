package org.pairbench.core.snippet;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * What running one guide snippet produced, as recorded in {@code run.json} ({@code guideSnippets.results}) and
 * printed by {@code pairbench snippets}. Immutable.
 *
 * @param id        the snippet's id ({@code AS/use-hub})
 * @param outcome   {@value #RAISED}, {@value #EXITED}, {@value #RAN}, {@value #TIMED_OUT} or {@value #NOT_RUN}
 * @param type      the exception's type, {@code module.Class} unless a builtin; empty unless it raised
 * @param message   the exception's message; for exited, the exit code; for timed-out and not-run, why
 * @param at        {@code file:line} where it was raised (the innermost frame in the snippet's file, if any)
 * @param context   the exception being handled when it was raised ({@code Type: message}), e.g. one the
 *                  snippet's own {@code except} caught; empty when none
 * @param observed  what the driver saw besides an exception (a server's answer, descriptors left open)
 * @param warnings  ResourceWarnings and RuntimeWarnings issued, {@code Category xN: message}
 * @param elapsedMs wall time of the snippet's process
 * @param expected  whether it did what {@code snippets.yaml} expects; {@code mismatch} says otherwise
 * @param mismatch  how it differed from the expectation, or null
 */
public record SnippetResult(String id, String outcome, String type, String message, String at, String context,
                            String observed, List<String> warnings, long elapsedMs, boolean expected,
                            String mismatch) {
    public static final String RAISED = "raised";
    public static final String EXITED = "exited";
    public static final String RAN = "ran";
    public static final String TIMED_OUT = "timed-out";
    public static final String NOT_RUN = "not-run";

    public SnippetResult {
        warnings = Copies.list(warnings);
    }

    /** The result judged against {@code expect}. */
    public SnippetResult judged(GuideSnippet.Expectation expect) {
        String why = NOT_RUN.equals(outcome) ? null : expect.mismatch(this);
        return new SnippetResult(id, outcome, type, message, at, context, observed, warnings, elapsedMs,
                why == null && !NOT_RUN.equals(outcome), why);
    }

    /**
     * The error in one line, as reports show it: {@code Type: message} when it raised, what was observed when it
     * ran, and otherwise the outcome and why.
     */
    public String error() {
        return switch (outcome) {
            case RAISED -> type + ": " + message;
            case RAN -> observed.isEmpty() ? "ran without an error" : "no exception: " + observed;
            default -> outcome + (message.isEmpty() ? "" : ": " + message);
        };
    }
}
