package org.pairbench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRuntime;
import org.pairbench.targets.docker.DockerRuntime;
import org.pairbench.targets.local.LocalProcessRuntime;
import org.pairbench.targets.local.RunRecord;

/**
 * Creates the target runtime a run asked for by name ({@code --runtime}). Stateless.
 *
 * <p>The docker runtime connects to the engine here, before the results directory exists, so that a missing
 * engine is a one-line error and not a failed run; it also removes containers a killed run left behind and says
 * so through {@code progress}.
 */
public final class TargetRuntimes {
    /** The names {@code --runtime} accepts. */
    public static final List<String> NAMES = List.of(LocalProcessRuntime.NAME, DockerRuntime.NAME);

    private TargetRuntimes() {
    }

    /** @param record where local processes are written down, for the next run's sweep if this one is killed */
    static TargetRuntime create(RunOptions options, RunRecord record, Consumer<String> progress)
            throws TargetException {
        Path targets = options.projectDir().resolve("python-targets");
        return switch (options.runtime()) {
            case LocalProcessRuntime.NAME -> new LocalProcessRuntime(targets, options.targetCpus(),
                    LocalProcessRuntime.DEFAULT_READINESS_TIMEOUT, progress, record);
            case DockerRuntime.NAME -> DockerRuntime.create(targets, options.targetCpus(),
                    DockerRuntime.DEFAULT_MEMORY_BYTES, options.outDir().getFileName().toString(), progress)
                    .recordingIn(record);
            default -> throw new IllegalArgumentException("unknown runtime '" + options.runtime() + "' (available: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
