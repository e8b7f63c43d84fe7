package org.pairbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.core.snippet.GuideSnippets;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.snippets.SnippetTable;
import org.pairbench.targets.local.PythonEnvironment;
import org.pairbench.targets.snippets.SnippetRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pairbench snippets}: runs the guide's code that does not run as written, each snippet as written in its
 * own process in the targets' pinned Python environment, and prints what each raised. Exit code 0 when every
 * snippet did what {@code snippets.yaml} expects, 3 when one did not (or could not run), 1 when nothing could run.
 */
@Command(name = "snippets", mixinStandardHelpOptions = true,
        description = "Runs each guide snippet that does not run as written (python-targets/guide_snippets/), "
                + "as written, in its own process in the pinned Python environment, and prints what it raised.")
final class SnippetsCommand implements Callable<Integer> {
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long one snippet may run (default: "
            + "${DEFAULT-VALUE})", defaultValue = "30")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Path project = ProjectDir.get();
        PythonEnvironment env = new PythonEnvironment(project.resolve("python-targets"), System.getenv(),
                System.err::println);
        env.prepare();
        List<SnippetResult> results = new SnippetRunner(env.venvPython(), GuideSnippets.ofProject(project),
                Duration.ofSeconds(Math.max(1, timeoutSeconds)), System.err::println).run();
        System.out.print(SnippetTable.render(results));
        System.out.flush();
        return results.stream().allMatch(SnippetResult::expected) ? 0 : 3;
    }
}
