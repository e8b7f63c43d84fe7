package org.pairbench.core.guide;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the migration guide's pages are for the tests that hold the project's text against them (the claims'
 * quotes, the guide snippets): {@code PAIRBENCH_GUIDE_DIR}, else the nearest {@code shared/guide/} folder beside
 * the repository or one of its parents ({@code ../shared/guide} in CI and on the development machines). The pages
 * are not in the repository, so without them such a test fails in CI ({@code CI=true}) and is skipped elsewhere,
 * saying why. Test support; stateless.
 */
public final class GuideFolder {
    private GuideFolder() {
    }

    /** The guide folder, or null when this machine has none. */
    public static Path find(Path repoRoot) {
        String env = System.getenv("PAIRBENCH_GUIDE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path p = repoRoot.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            Path guide = p.resolve("shared").resolve("guide");
            if (Files.isDirectory(guide)) {
                return guide;
            }
        }
        return null;
    }

    /**
     * The guide folder; without one, fails in CI and skips the calling test elsewhere.
     *
     * @param checked what cannot be checked without the pages, for the failure ("the snippets")
     */
    public static Path required(Path repoRoot, String checked) {
        Path guide = find(repoRoot);
        if (guide == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no shared/guide/ folder beside the clone: " + checked + " cannot be checked");
        }
        assumeTrue(guide != null, "no shared/guide/ folder beside the clone or its parents (or PAIRBENCH_GUIDE_DIR)");
        return guide;
    }
}
