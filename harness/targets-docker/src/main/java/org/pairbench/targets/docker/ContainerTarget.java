package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.pairbench.targets.ResourceSample;
import org.pairbench.targets.RunningTarget;

/**
 * One service started by {@link DockerRuntime}: a running container, measured through its cgroup.
 *
 * <p>Threading: {@link #sampleResources()} reads only cgroup files, so the sampling thread may call it while the
 * runner's thread uses the rest. {@link #stop()} is synchronized and idempotent, so a shutdown hook calling it
 * while the runner stops the same target waits for that stop and returns.
 */
final class ContainerTarget implements RunningTarget {
    /** Time between the stop signal and the kill. */
    static final int STOP_GRACE_SECONDS = 5;
    private static final long LOG_DRAIN_MS = 2_000;

    private final String label;
    private final TargetContainer container;
    private final String containerId;
    private final DockerClient client;
    private final InetSocketAddress address;
    private final List<String> command;
    private final ContainerLog log;
    private final Optional<CgroupFiles> cgroup;
    private final Consumer<ContainerTarget> onStopped;
    private volatile Integer exitCode; // known once the container has exited
    private boolean stopped; // guarded by this

    ContainerTarget(String label, TargetContainer container, DockerClient client, InetSocketAddress address,
                    List<String> command, ContainerLog log, Optional<CgroupFiles> cgroup,
                    Consumer<ContainerTarget> onStopped) {
        this.label = label;
        this.container = container;
        this.containerId = container.getContainerId();
        this.client = client;
        this.address = address;
        this.command = List.copyOf(command);
        this.log = log;
        this.cgroup = cgroup;
        this.onStopped = onStopped;
    }

    String label() {
        return label;
    }

    String containerId() {
        return containerId;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public List<String> command() {
        return command;
    }

    /**
     * Alive while its output stream is open: that costs nothing, where asking the engine would cost a request on
     * the generator's core every time the runner checks. Once the stream ends, the engine says whether and how
     * the container exited.
     */
    @Override
    public boolean isAlive() {
        if (exitCode != null) {
            return false;
        }
        if (!log.ended()) {
            return true;
        }
        try {
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(containerId).exec()
                    .getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                return true;
            }
            exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
        } catch (RuntimeException gone) {
            exitCode = -1; // removed behind our back (docker rm -f): it no longer runs
        }
        return false;
    }

    @Override
    public OptionalInt exitCode() {
        return isAlive() ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** The last lines of the service; after it exited, waits briefly for its final output to arrive first. */
    @Override
    public List<String> logTail(int lines) {
        if (exitCode != null) {
            log.awaitEnd(LOG_DRAIN_MS);
        }
        return log.tail(lines);
    }

    @Override
    public ResourceSample sampleResources() {
        return cgroup.map(CgroupFiles::sample).orElse(ResourceSample.UNAVAILABLE);
    }

    @Override
    public String resourceSource() {
        return CgroupFiles.SOURCE;
    }

    /** Stop signal, then kill after the grace period, then removal; the output file is closed last. */
    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (isAlive()) {
                client.stopContainerCmd(containerId).withTimeout(STOP_GRACE_SECONDS).exec();
            }
            isAlive(); // records the exit code while the container still exists
        } catch (RuntimeException e) {
            // already gone, or the engine went away: removal below tries anyway
        } finally {
            try {
                container.stop(); // Testcontainers: kill if still running, remove with its volumes
            } catch (RuntimeException e) {
                // removed already; a leftover would be swept by label on the next run
            }
            log.awaitEnd(LOG_DRAIN_MS);
            log.close();
            onStopped.accept(this);
        }
    }

    @Override
    public String toString() {
        return label + " (container " + containerId.substring(0, Math.min(12, containerId.length())) + ", "
                + address.getAddress().getHostAddress() + ":" + address.getPort() + ")";
    }
}
