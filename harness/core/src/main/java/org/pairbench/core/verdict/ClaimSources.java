package org.pairbench.core.verdict;

import org.pairbench.core.spec.SpecNode;

/**
 * Reads a claim's {@code source:} block: {@code {page, section, quote}} for the guide pages, or
 * {@code {outside, quote}} for a claim from elsewhere (the quote optional there: a belief nobody wrote down has
 * no words to quote). That the quote is really on the page is checked by the test suite against the pages
 * themselves, which the harness does not ship. Stateless.
 */
final class ClaimSources {
    private ClaimSources() {
    }

    static ClaimSource read(SpecNode s) {
        if (!s.isMapping()) {
            throw s.error("expected {page, section, quote} (a guide page) or {outside, quote} (another source)");
        }
        if (s.has("outside")) {
            s.allowOnly("outside", "quote");
            return new ClaimSource(null, null, s.has("quote") ? s.get("quote").nonEmptyText() : null,
                    s.get("outside").nonEmptyText());
        }
        s.allowOnly("page", "section", "quote");
        String page = s.get("page").nonEmptyText();
        if (!ClaimSource.PAGES.containsKey(page)) {
            throw s.get("page").error("'" + page + "' is not a guide page (AS = migrating-to-asyncio.md, "
                    + "DE = managing-migration-depth.md, INDEX = eventlet-asyncio-index.rst); a claim from "
                    + "elsewhere says 'outside: WHO'");
        }
        return new ClaimSource(page, s.get("section").nonEmptyText(), s.get("quote").nonEmptyText(), null);
    }
}
