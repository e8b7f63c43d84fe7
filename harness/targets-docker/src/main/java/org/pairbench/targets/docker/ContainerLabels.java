package org.pairbench.targets.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The labels on every container the harness creates, and the rule that tells a leftover from a container that a
 * live run still uses.
 *
 * <p>{@value #PAIRBENCH}=1 marks a pairbench container, {@value #RUN} names the run, {@value #OWNER} says which
 * harness process created it ({@code host/pid/start-millis}). A container is a leftover when its owner is on this
 * host and that process is gone: its pid no longer exists or now belongs to a process started at another time
 * (pid reuse). Containers of a live run, possibly a second run in parallel, are never touched; neither are those
 * of another host sharing the engine, since their owner cannot be checked from here.
 *
 * <p>Immutable; any thread.
 */
final class ContainerLabels {
    static final String PAIRBENCH = "org.pairbench";
    static final String RUN = "org.pairbench.run";
    static final String OWNER = "org.pairbench.owner";
    static final String VARIANT = "org.pairbench.variant";
    /** Start time of a live process that the JVM cannot tell (or an owner label that could not record it). */
    static final long UNKNOWN_START = 0;

    /** What a container's owner label says about the harness process that created it. */
    record Owner(String host, long pid, long startMillis) {
        String label() {
            return host + "/" + pid + "/" + startMillis;
        }

        /** The owner named by a label value, if it has the expected shape. */
        static Optional<Owner> parse(String label) {
            if (label == null) {
                return Optional.empty();
            }
            int second = label.lastIndexOf('/');
            int first = second <= 0 ? -1 : label.lastIndexOf('/', second - 1);
            if (first <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Owner(label.substring(0, first), Long.parseLong(label.substring(first + 1,
                        second)), Long.parseLong(label.substring(second + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** This JVM. */
        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(hostName(), self.pid(), ContainerLabels.startMillis(self).orElse(UNKNOWN_START));
        }
    }

    private ContainerLabels() {
    }

    /** The labels of a container started for {@code variant} (may be empty for helper containers). */
    static Map<String, String> of(String runId, Owner owner, String variant) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PAIRBENCH, "1");
        labels.put(RUN, runId);
        labels.put(OWNER, owner.label());
        if (variant != null && !variant.isEmpty()) {
            labels.put(VARIANT, variant);
        }
        return labels;
    }

    /**
     * True when a container with these labels was left by a harness process that no longer runs.
     *
     * @param self            this host (containers of other hosts are never leftovers from here)
     * @param startOfLivePid  as {@link #startOfLivePid(long)}: the start time of the live process with that pid
     */
    static boolean isLeftover(Map<String, String> labels, String self, LongFunction<Optional<Long>> startOfLivePid) {
        if (labels == null || !"1".equals(labels.get(PAIRBENCH))) {
            return false;
        }
        Optional<Owner> owner = Owner.parse(labels.get(OWNER));
        if (owner.isEmpty()) {
            return true; // ours by its label, but no owner can claim it: nothing will ever remove it otherwise
        }
        Owner o = owner.get();
        if (!o.host().equals(self)) {
            return false;
        }
        Optional<Long> liveStart = startOfLivePid.apply(o.pid());
        if (liveStart.isEmpty()) {
            return true;
        }
        if (liveStart.get() == UNKNOWN_START || o.startMillis() == UNKNOWN_START) {
            return false; // alive, and no start time to rule out pid reuse: assume it is the owner
        }
        // start times are exact to a clock tick only: compare with a margin, not for equality
        return Math.abs(liveStart.get() - o.startMillis()) > 1_000;
    }

    /**
     * Start time (epoch ms) of the live process {@code pid}: empty when there is none, {@link #UNKNOWN_START} when
     * it runs but its start time cannot be read.
     */
    static Optional<Long> startOfLivePid(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> startMillis(h).orElse(UNKNOWN_START));
    }

    private static Optional<Long> startMillis(ProcessHandle h) {
        return h.info().startInstant().map(java.time.Instant::toEpochMilli);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
