package org.pairbench.core.snippet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One piece of the migration guide that does not run as written, kept verbatim in a file of
 * {@code python-targets/guide_snippets/} and run by the harness (an entry of {@value GuideSnippets#FILE_NAME}).
 * Immutable.
 *
 * @param id      page key, slash, name: {@code AS/use-hub}
 * @param page    the guide page's file name ({@code migrating-to-asyncio.md})
 * @param section the heading the text is under on that page
 * @param file    the file holding the guide's text exactly as written
 * @param fault   the line or words at fault, as the guide writes them (in the file)
 * @param harness what the driver does around the text to call it
 * @param needsPostgres runs against a throwaway PostgreSQL cluster
 * @param timeout how long it may run before it is killed; null: the runner's limit
 * @param expect  what this repository expects it to do
 */
public record GuideSnippet(String id, String page, String section, Path file, String fault, String harness,
                           boolean needsPostgres, Duration timeout, Expectation expect) {

    /**
     * What a snippet is expected to do when run.
     *
     * @param outcome {@link SnippetResult#RAISED}, {@link SnippetResult#EXITED}, {@link SnippetResult#RAN} or
     *                {@link SnippetResult#TIMED_OUT} (it hangs)
     * @param type    the exception's type ({@code module.Class} unless a builtin); empty when it ran
     * @param pattern found in the exception's message, or in what was observed when it ran
     */
    public record Expectation(String outcome, String type, Pattern pattern) {

        /** Why {@code r} is not what was expected, or null when it is. */
        public String mismatch(SnippetResult r) {
            if (!outcome.equals(r.outcome())) {
                return "expected it to have " + outcome + (type.isEmpty() ? "" : " " + type) + ", but it "
                        + r.outcome() + describe(r);
            }
            if (!type.equals(r.type())) {
                return "expected " + type + ", but it raised " + r.type() + describe(r);
            }
            String text = SnippetResult.RAN.equals(outcome) ? r.observed() : r.message();
            if (!pattern.matcher(text).find()) {
                return "expected /" + pattern.pattern() + "/ in " + (SnippetResult.RAN.equals(outcome)
                        ? "what was observed" : "the message") + ", but got: " + text;
            }
            return null;
        }

        private static String describe(SnippetResult r) {
            String error = r.error();
            return error.isEmpty() ? "" : " (" + error + ")";
        }
    }
}
