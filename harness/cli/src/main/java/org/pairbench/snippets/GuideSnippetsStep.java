package org.pairbench.snippets;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.pairbench.core.snippet.GuideSnippets;
import org.pairbench.core.snippet.SnippetRun;
import org.pairbench.core.spec.GuideCode;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRuntime;
import org.pairbench.targets.local.PythonEnvironment;
import org.pairbench.targets.snippets.SnippetRunner;

/**
 * The guide-snippet step of every run: once the targets' Python environment is ready, runs every snippet of
 * {@code python-targets/guide_snippets/} ({@link SnippetRunner}, a few seconds), so that {@code run.json}
 * ({@code guideSnippets}) and every corrected variant's {@link GuideCode#error()} (hence {@code claims.json}'s
 * broken flag) carry what the guide's code raised in this run, never a typed text. A runtime without a local
 * environment (docker) gets one of the same pinned packages for the snippets alone; where none can be made (no
 * Python here), the step records why it did not run. Stateless; the caller's thread.
 */
public final class GuideSnippetsStep {
    private GuideSnippetsStep() {
    }

    /** Runs the snippets on the runtime's local environment, or says why not; never throws for a snippet. */
    public static SnippetRun run(Path projectDir, TargetRuntime runtime, Consumer<String> progress)
            throws InterruptedException {
        Path python = runtime.localPython();
        if (python == null) {
            // the docker runtime's targets run in their image; the snippets run here, in a local environment of
            // the same hash-pinned packages (python-targets/requirements.lock, which the image installs too)
            try {
                progress.accept("The guide snippets run in a local environment of the targets' pinned packages "
                        + "(the " + runtime.name() + " runtime's targets run in their image)");
                PythonEnvironment local = new PythonEnvironment(projectDir.resolve("python-targets"),
                        System.getenv(), progress);
                local.prepare();
                python = local.venvPython();
            } catch (TargetException | RuntimeException e) {
                progress.accept("Note: the guide snippets could not be run: no local Python environment: "
                        + e.getMessage());
                return SnippetRun.notRun("the " + runtime.name() + " runtime's targets run in their image, and "
                        + "no local Python environment of the pinned packages could be made for the snippets: "
                        + e.getMessage());
            }
        }
        try {
            GuideSnippets snippets = GuideSnippets.ofProject(projectDir);
            progress.accept("Running the guide's " + snippets.all().size() + " snippets that do not run as written"
                    + " (./pairbench snippets)...");
            SnippetRun run = new SnippetRun(SnippetRun.COMPLETE, "",
                    new SnippetRunner(python, snippets, SnippetRunner.LIMIT, progress).run());
            long unexpected = run.results().stream().filter(r -> !r.expected()).count();
            if (unexpected > 0) {
                progress.accept("Note: " + unexpected + " guide snippet(s) did not fail as snippets.yaml expects: "
                        + "./pairbench snippets shows how");
            }
            return run;
        } catch (RuntimeException e) {
            progress.accept("Note: the guide snippets could not be run: " + e.getMessage());
            return SnippetRun.notRun("could not run: " + e.getMessage());
        }
    }

    /** A variant's guide code with the error its snippet recorded in this run (unchanged when as written). */
    public static GuideCode recorded(GuideCode guide, SnippetRun run) {
        if (guide == null || !guide.corrected()) {
            return guide;
        }
        return guide.withError(run.errorOf(guide.snippet()));
    }
}
