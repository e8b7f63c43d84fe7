package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Removes pairbench containers by label: before a run, those a killed harness left behind (they may still hold
 * the port or the target CPU); on close, every container of this harness process, including one whose start was
 * cut short before the runtime learnt its id. Which containers count as leftovers is decided by
 * {@link ContainerLabels#isLeftover}.
 *
 * <p>Stateless; any thread.
 */
final class LeftoverSweeper {
    private LeftoverSweeper() {
    }

    /**
     * Removes the leftovers of earlier runs.
     *
     * @return a one-line message saying what was removed, or empty when nothing was left
     */
    static Optional<String> sweepLeftovers(DockerClient client) {
        return sweepLeftovers(client, ContainerLabels.hostName(), ContainerLabels::startOfLivePid);
    }

    static Optional<String> sweepLeftovers(DockerClient client, String host, LongFunction<Optional<Long>> livePids) {
        List<Container> leftovers = ours(client, Map.of(ContainerLabels.PAIRBENCH, "1")).stream()
                .filter(c -> ContainerLabels.isLeftover(c.getLabels(), host, livePids)).toList();
        if (leftovers.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> runs = new TreeSet<>();
        int removed = 0;
        for (Container c : leftovers) {
            runs.add(c.getLabels().getOrDefault(ContainerLabels.RUN, "?"));
            removed += remove(client, c.getId()) ? 1 : 0;
        }
        return Optional.of("Removed " + removed + " container" + (removed == 1 ? "" : "s")
                + " left behind by an earlier pairbench run that did not finish (run " + String.join(", ", runs)
                + ")" + (removed < leftovers.size() ? "; " + (leftovers.size() - removed) + " could not be removed"
                : ""));
    }

    /** Removes every container that has all of {@code labels} (a run's, of this process); returns how many. */
    static int sweepOwn(DockerClient client, Map<String, String> labels) {
        int removed = 0;
        for (Container c : ours(client, labels)) {
            removed += remove(client, c.getId()) ? 1 : 0;
        }
        return removed;
    }

    private static List<Container> ours(DockerClient client, Map<String, String> labels) {
        return new ArrayList<>(client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
    }

    private static boolean remove(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException alreadyGone) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
