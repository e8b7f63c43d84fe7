package org.pairbench.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.snippet.GuideSnippets;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.core.snippet.SnippetRun;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetRuntime;

/**
 * A runtime whose targets run elsewhere (docker: no local Python environment) still gets the guide snippets run,
 * in a local environment of the same pinned packages, so that its run.json and claims.json carry recorded errors.
 */
class GuideSnippetsStepIT {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    /** Stands for the docker runtime: it has no local interpreter; the step must not start any target. */
    private static final class NoLocalPython implements TargetRuntime {
        @Override
        public String name() {
            return "docker";
        }

        @Override
        public RunMetadata.PythonInfo prepare() {
            throw new UnsupportedOperationException("the snippet step must not prepare the targets' runtime");
        }

        @Override
        public RunningTarget start(TargetRequest request) {
            throw new UnsupportedOperationException("the snippet step must not start a target");
        }

        @Override
        public RunningTarget startProgram(TargetRequest request) {
            throw new UnsupportedOperationException("the snippet step must not start a program");
        }

        @Override
        public DatabaseService startPostgres(Path workDir, String cpus, int maxConnections,
                                             Consumer<String> progress) {
            throw new UnsupportedOperationException("the snippet step starts its own local PostgreSQL");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aRuntimeWithoutLocalPythonRunsTheSnippetsInALocalPinnedEnvironment() throws Exception {
        List<String> messages = new ArrayList<>();
        SnippetRun run = GuideSnippetsStep.run(PROJECT, new NoLocalPython(), messages::add);

        assertThat(run.status()).isEqualTo(SnippetRun.COMPLETE);
        assertThat(run.results()).extracting(SnippetResult::id)
                .containsExactlyElementsOf(GuideSnippets.ofProject(PROJECT).all().keySet());
        assertThat(run.results()).allSatisfy(r -> assertThat(r.expected()).as(r.id() + ": " + r.error()).isTrue());
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("local environment of the targets' pinned "
                + "packages"));
    }
}
