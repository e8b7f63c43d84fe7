package org.pairbench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.pairbench.core.net.TargetHosts;
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
     * Refuses an engine on another machine ({@code DOCKER_HOST=tcp://10.0.0.5:2376}): its targets would listen on
     * that machine's loopback, while the probes and the load go to this one's, where another service may well
     * answer on the same port and be measured instead. An engine reached over TCP on 127.0.0.1 is this machine's.
     */
    static void requireLocalEngine(String dockerHost) {
        String host = TargetHosts.fromDockerHost(dockerHost);
        if (host != null) {
            try {
                TargetHosts.loopbackOnly().require(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DOCKER_HOST=" + dockerHost + " is an engine on another machine: "
                        + "its targets would not be reachable on this machine's loopback, where load goes ("
                        + e.getMessage() + "); targets on a remote engine are not supported yet");
            }
        }
    }

    /** @param record where local processes are written down, for the next run's sweep if this one is killed */
    static TargetRuntime create(RunOptions options, RunRecord record, Consumer<String> progress)
            throws TargetException {
        Path targets = options.projectDir().resolve("python-targets");
        return switch (options.runtime()) {
            case LocalProcessRuntime.NAME -> new LocalProcessRuntime(targets, options.targetCpus(),
                    LocalProcessRuntime.DEFAULT_READINESS_TIMEOUT, progress, record);
            case DockerRuntime.NAME -> {
                requireLocalEngine(System.getenv("DOCKER_HOST"));
                yield DockerRuntime.create(targets, options.targetCpus(), DockerRuntime.DEFAULT_MEMORY_BYTES,
                        options.outDir().getFileName().toString(), progress).recordingIn(record);
            }
            default -> throw new IllegalArgumentException("unknown runtime '" + options.runtime() + "' (available: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
