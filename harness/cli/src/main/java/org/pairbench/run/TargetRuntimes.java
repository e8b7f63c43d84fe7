package org.pairbench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.pairbench.core.spec.Workload;
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

    /**
     * Refuses, before anything starts, what {@link RemoteTargetRule} refuses, and a remote engine the rule allows:
     * the docker runtime binds its targets to this machine's loopback, picks their ports here and reads their CPU
     * and memory from this machine's cgroups, none of which holds for targets on another machine, where another
     * service may well answer on the same port and be measured instead. The refusal also names the run's workloads
     * that {@link RemoteWorkloadRule} says a remote engine could not take at all.
     */
    static void requireSupportedEngine(String runtime, String dockerHost, String allowRemoteTarget,
                                       List<Workload> workloads) {
        RemoteTargetRule.Decision decision = RemoteTargetRule.decide(runtime, dockerHost, allowRemoteTarget);
        if (decision.remote()) {
            Map<String, String> refused = RemoteWorkloadRule.refusals(workloads, decision.remoteHost());
            throw new IllegalArgumentException("targets on the remote engine at " + decision.remoteHost()
                    + " (DOCKER_HOST=" + dockerHost + "): not supported yet; the docker runtime binds targets to "
                    + "127.0.0.1, picks their free ports and reads their CPU and memory on this machine"
                    + (refused.isEmpty() ? "" : "; and of this run, " + refused.entrySet().stream()
                            .map(e -> e.getKey() + " never could: " + e.getValue()).collect(Collectors.joining("; ")))
                    + " (README, \"Targets on another machine\")");
        }
    }

    /**
     * @param workloads the run's workloads, for the refusal of a remote engine
     * @param record    where local processes are written down, for the next run's sweep if this one is killed
     */
    static TargetRuntime create(RunOptions options, List<Workload> workloads, RunRecord record,
                                Consumer<String> progress) throws TargetException {
        Path targets = options.projectDir().resolve("python-targets");
        requireSupportedEngine(options.runtime(), System.getenv("DOCKER_HOST"), options.allowRemoteTarget(),
                workloads);
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
