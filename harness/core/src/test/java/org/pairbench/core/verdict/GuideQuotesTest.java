package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.guide.GuideFolder;
import org.pairbench.core.spec.WorkloadCatalog;

/**
 * Every claim that cites a guide page quotes it verbatim: the section it names exists on the page and contains the
 * quote (whitespace and markdown emphasis aside, {@link GuidePages}). The pages are not part of the repository;
 * development and CI machines have them beside the clone ({@code ../shared/guide}). Without them the test fails
 * in CI ({@code CI=true}) and is skipped elsewhere, saying why.
 */
class GuideQuotesTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void everyQuoteIsOnThePageAndInTheSectionItCites() {
        Path guide = GuideFolder.required(ROOT, "the claims' quotes");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ClaimSpec c : ClaimsLoader.load(new WorkloadCatalog(ROOT.resolve("workloads")))) {
            ClaimSource s = c.source();
            if (!s.fromGuide()) {
                continue;
            }
            String section = GuidePages.section(guide.resolve(ClaimSource.PAGES.get(s.page())), s.section());
            if (section == null) {
                problems.add(c.id() + ": " + s.page() + " has no section headed '" + s.section() + "'");
            } else if (!section.contains(GuidePages.normalise(s.quote()))) {
                problems.add(c.id() + ": " + s.page() + ", " + s.section() + " does not say '" + s.quote() + "'");
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aSectionEndsAtTheNextHeadingOfItsLevelAndCodeCommentsAreNotHeadings() {
        Path guide = GuideFolder.find(ROOT);
        assumeTrue(guide != null, "no shared/guide/ folder");
        String steps = GuidePages.section(guide.resolve("migrating-to-asyncio.md"), "Steps to Migrate");
        assertThat(steps).contains("This critical first step").doesNotContain("For WSGI servers");
        // a python comment inside a code block is not a heading: the section runs past it
        assertThat(steps).contains("Optimize performance and handle edge cases.");
        assertThat(GuidePages.section(guide.resolve("eventlet-asyncio-index.rst"), "Why Migrating?"))
                .contains("Eventlet is a broken and outdated technology.").doesNotContain("Getting Started");
        assertThat(GuidePages.section(guide.resolve("migrating-to-asyncio.md"), "No Such Heading")).isNull();
    }
}
