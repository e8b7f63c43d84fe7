package org.pairbench.core.verdict;

import java.util.Map;

/**
 * Where a claim comes from. Either a page of the migration guide, with the heading of its section and the exact
 * words tested ({@code page}, {@code section}, {@code quote}: a test checks the quote against the page), or a
 * source outside the guide pages ({@code outside}: who says it, with their words in {@code quote} when there are
 * any). Immutable.
 *
 * @param page    {@value #AS}, {@value #DE} or {@value #INDEX}; null for an outside source
 * @param section the page's heading text; null for an outside source
 * @param quote   the verbatim words; may be null only for an outside source (a belief nobody wrote down)
 * @param outside who says it, for a claim not from the guide pages; null otherwise
 */
public record ClaimSource(String page, String section, String quote, String outside) {
    public static final String AS = "AS";
    public static final String DE = "DE";
    public static final String INDEX = "INDEX";
    /** The guide pages by key, as their files are named in the guide's folder ({@code ../shared/guide/}). */
    public static final Map<String, String> PAGES = Map.of(
            AS, "migrating-to-asyncio.md",
            DE, "managing-migration-depth.md",
            INDEX, "eventlet-asyncio-index.rst");

    public boolean fromGuide() {
        return outside == null;
    }

    /** One line for tables: {@code AS, Conclusion} or {@code not in the guide pages: uvloop's README}. */
    public String where() {
        return fromGuide() ? page + ", " + section : "not in the guide pages: " + outside;
    }
}
