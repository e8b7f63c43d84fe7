package org.pairbench.targets.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.snippet.GuideSnippets;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.targets.local.PythonEnvironment;

/**
 * Runs every guide snippet, exactly as the harness does, in the pinned environment of
 * {@code python-targets/requirements.lock} (and against a throwaway PostgreSQL for those that need one), and fails
 * when one does not do what {@code python-targets/guide_snippets/snippets.yaml} expects: it stopped failing (a
 * library upgrade fixed it: the workloads' corrected variants and the claims' broken flags must then follow) or
 * fails in another way (update the expectation, and check the report's wording).
 */
class GuideSnippetsIT {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everySnippetFailsTheWayTheRepositoryExpects() throws Exception {
        PythonEnvironment env = new PythonEnvironment(PROJECT.resolve("python-targets"), System.getenv(),
                m -> System.out.println("[pairbench] " + m));
        env.prepare();
        GuideSnippets snippets = GuideSnippets.ofProject(PROJECT);
        List<SnippetResult> results = new SnippetRunner(env.venvPython(), snippets, SnippetRunner.LIMIT,
                m -> System.out.println("[pairbench] " + m)).run();

        assertThat(results).extracting(SnippetResult::id).containsExactlyElementsOf(snippets.all().keySet());
        List<String> problems = new ArrayList<>();
        for (SnippetResult r : results) {
            System.out.println("[snippet] " + r.id() + " " + r.outcome() + " in " + r.elapsedMs() + " ms: " + r.error()
                    + (r.observed().isEmpty() ? "" : " | observed: " + r.observed()));
            if (!r.expected()) {
                problems.add(r.id() + ": " + (r.mismatch() != null ? r.mismatch() : r.error()));
            }
        }
        assertThat(problems).isEmpty();
    }
}
