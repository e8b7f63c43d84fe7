package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerIgnoreTest {
    private final DockerIgnore rules = DockerIgnore.parse(List.of("# comment", "", "**/__pycache__", "**/*.pyc",
            "/lock.sh", "docs/", "*.md", "!KEEP.md"));

    @Test
    void doubleStarMatchesAtAnyDepthIncludingTheTop() {
        assertThat(rules.excludes("__pycache__/x.cpython-311.pyc")).isTrue();
        assertThat(rules.excludes("http_hello/__pycache__/payload.cpython-311.pyc")).isTrue();
        assertThat(rules.excludes("a/b/c/d.pyc")).isTrue();
        assertThat(rules.excludes("http_hello/payload.py")).isFalse();
    }

    @Test
    void aMatchingDirectoryExcludesEverythingBelowIt() {
        assertThat(rules.excludes("docs/a/b.txt")).isTrue();
        assertThat(rules.excludes("documents/b.txt")).isFalse();
    }

    @Test
    void singleStarStaysWithinOneSegmentAndLeadingSlashIsTheRoot() {
        assertThat(rules.excludes("README.md")).isTrue();
        assertThat(rules.excludes("http_hello/README.md")).isFalse();
        assertThat(rules.excludes("lock.sh")).isTrue();
        assertThat(rules.excludes("tools/lock.sh")).isFalse();
    }

    @Test
    void theLastMatchingLineWinsSoNegationReincludes() {
        assertThat(rules.excludes("KEEP.md")).isFalse();
        DockerIgnore reversed = DockerIgnore.parse(List.of("!KEEP.md", "*.md"));
        assertThat(reversed.excludes("KEEP.md")).isTrue();
    }

    @Test
    void noRulesExcludeNothing() {
        assertThat(DockerIgnore.parse(List.of()).excludes("anything/at/all")).isFalse();
    }
}
