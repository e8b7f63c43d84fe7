package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers container configured the way the harness runs targets:
 * <ul>
 *   <li>from a local image only (a never-pull policy: a missing image is an error, never a download);</li>
 *   <li>host networking, so the service binds 127.0.0.1 like a local one and no NAT or proxy is in the
 *       measured path;</li>
 *   <li>pinned with a cpuset, given a memory limit (no swap on top), and the harness's own open-file limit
 *       (local targets inherit it; the engine's default may be lower);</li>
 *   <li>a small init process as PID 1 ({@code --init}), so the stop signal reaches Python, which as PID 1 would
 *       ignore SIGTERM and be killed only after the grace period;</li>
 *   <li>no start-up check and no wait strategy: the runtime checks readiness itself, from Java, with the same
 *       TCP probe as the local runtime, and reads the exit code and output of a service that dies.</li>
 * </ul>
 * It tells the runtime its id as soon as it exists ({@link #containerIsCreated}), so a Ctrl-C during start-up
 * removes it too.
 *
 * <p>Threading: as {@link GenericContainer}: start and stop from one thread at a time.
 */
final class TargetContainer extends GenericContainer<TargetContainer> {
    private final Consumer<String> onCreated;

    /**
     * @param onCreated told the container id once created, before it starts; may throw to abort the start
     *                  (the container is then removed)
     */
    TargetContainer(String image, Consumer<String> onCreated) {
        super(DockerImageName.parse(image));
        this.onCreated = onCreated;
        withImagePullPolicy(name -> false);
        withNetworkMode("host");
        withStartupCheckStrategy(new StartupCheckStrategy() {
            @Override
            public StartupStatus checkStartupState(DockerClient client, String containerId) {
                return StartupStatus.SUCCESSFUL; // readiness is the runtime's job, see the class comment
            }
        });
        waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {
                // the same: the runtime probes the port itself
            }
        });
    }

    /**
     * @param cpus        cpuset, e.g. "1"; empty: not pinned
     * @param memoryBytes memory limit; swap limited to the same, i.e. none
     * @param openFiles   soft and hard open-file limit; 0: the engine's default
     */
    TargetContainer withPlacement(String cpus, long memoryBytes, long openFiles) {
        return withCreateContainerCmdModifier(cmd -> {
            HostConfig host = cmd.getHostConfig();
            if (!cpus.isBlank()) {
                host.withCpusetCpus(cpus);
            }
            host.withMemory(memoryBytes).withMemorySwap(memoryBytes).withInit(true);
            if (openFiles > 0) {
                host.withUlimits(new Ulimit[] {new Ulimit("nofile", openFiles, openFiles)});
            }
        });
    }

    TargetContainer withCommandLine(List<String> argv, String workingDir, Map<String, String> env,
                                    Map<String, String> labels) {
        return withCommand(argv.toArray(String[]::new)).withWorkingDirectory(workingDir).withEnv(env)
                .withLabels(labels);
    }

    /** The equivalent {@code docker run} line, for run metadata and messages. */
    static List<String> dockerRunLine(String image, String cpus, long memoryBytes, ContainerCommand command) {
        List<String> line = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "host", "--init"));
        if (!cpus.isBlank()) {
            line.addAll(List.of("--cpuset-cpus", cpus));
        }
        line.addAll(List.of("--memory", Long.toString(memoryBytes), "--workdir", command.workingDir(), image));
        line.addAll(command.argv());
        return line;
    }

    @Override
    protected void containerIsCreated(String containerId) {
        onCreated.accept(containerId);
    }
}
