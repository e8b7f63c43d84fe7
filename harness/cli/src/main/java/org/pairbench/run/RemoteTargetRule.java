package org.pairbench.run;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.pairbench.core.net.TargetHosts;
import org.pairbench.targets.docker.DockerRuntime;

/**
 * Decides, before anything starts, where a run's targets run and where its load may go, from {@code --runtime},
 * {@code DOCKER_HOST} and {@code --allow-remote-target HOST}. The rule:
 * <ul>
 *   <li>a local engine ({@code DOCKER_HOST} unset, {@code unix://}, or TCP on a loopback address) or the local
 *       runtime: load goes to loopback only, and the flag is refused (there is no remote host to allow);</li>
 *   <li>an engine on another machine without the flag: refused, and the message names the flag;</li>
 *   <li>with the flag: HOST must resolve to exactly one address, the same one {@code DOCKER_HOST}'s host resolves
 *       to (resolved once, here); ssh:// engines are refused (Testcontainers reaches engines over TCP or a
 *       socket).</li>
 * </ul>
 * Every refusal is one line. Stateless; any thread (resolution goes through the injected {@link Resolver}, so
 * tests need no name service).
 */
public final class RemoteTargetRule {
    /** The flag that allows one remote host, as the user types it. */
    static final String FLAG = "--allow-remote-target";

    /** Host names to addresses; {@link InetAddress#getAllByName} in a run. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The outcome: where load may go, and the remote host when the targets run on another machine.
     *
     * @param hosts      the addresses load may go to
     * @param remoteHost the host the user allowed (the targets' address), or null for a local engine
     */
    public record Decision(TargetHosts hosts, String remoteHost) {
        boolean remote() {
            return remoteHost != null;
        }
    }

    private RemoteTargetRule() {
    }

    /** The rule with the machine's resolver; throws the one-line refusal. */
    public static Decision decide(String runtime, String dockerHost, String allowRemoteTarget) {
        return decide(runtime, dockerHost, allowRemoteTarget, InetAddress::getAllByName);
    }

    static Decision decide(String runtime, String dockerHost, String allowRemoteTarget, Resolver resolver) {
        boolean flagged = allowRemoteTarget != null;
        if (flagged && allowRemoteTarget.isBlank()) {
            throw new IllegalArgumentException(FLAG + ": a host name or address is needed");
        }
        if (!DockerRuntime.NAME.equals(runtime)) {
            if (flagged) {
                throw new IllegalArgumentException(FLAG + " " + allowRemoteTarget + " is for --runtime docker with "
                        + "DOCKER_HOST on that host: --runtime " + runtime + " runs targets on this machine");
            }
            return new Decision(TargetHosts.loopbackOnly(), null);
        }
        String engineHost = TargetHosts.fromDockerHost(dockerHost);
        if (engineHost == null || isLoopback(engineHost, resolver)) {
            if (flagged) {
                throw new IllegalArgumentException(FLAG + " " + allowRemoteTarget + ": the Docker engine is this "
                        + "machine's (DOCKER_HOST=" + (dockerHost == null || dockerHost.isBlank() ? "unset"
                        : dockerHost) + "); set DOCKER_HOST=tcp://" + allowRemoteTarget + ":2376 (with TLS) to run "
                        + "the targets there, or drop the flag");
            }
            return new Decision(TargetHosts.loopbackOnly(), null);
        }
        if (!flagged) {
            throw new IllegalArgumentException("DOCKER_HOST=" + dockerHost + " is an engine on another machine: "
                    + "load goes to loopback only unless you allow that host with " + FLAG + " " + engineHost);
        }
        if ("ssh".equals(URI.create(dockerHost.strip()).getScheme())) {
            throw new IllegalArgumentException("DOCKER_HOST=" + dockerHost + ": an ssh:// engine cannot run remote "
                    + "targets; expose the engine on tcp://HOST:2376 with TLS (README, \"Targets on another machine\")");
        }
        Set<InetAddress> allowed = resolveAll(allowRemoteTarget.strip(), resolver, FLAG + " " + allowRemoteTarget);
        if (allowed.size() != 1) {
            throw new IllegalArgumentException(FLAG + " " + allowRemoteTarget + " resolves to several addresses ("
                    + names(allowed) + "): name one address, so that load goes to exactly one host");
        }
        Set<InetAddress> engine = resolveAll(engineHost, resolver, "DOCKER_HOST=" + dockerHost);
        if (!engine.equals(allowed)) {
            throw new IllegalArgumentException(FLAG + " " + allowRemoteTarget + " (" + names(allowed) + ") is not "
                    + "the host DOCKER_HOST=" + dockerHost + " names (" + names(engine) + "): load may go only to "
                    + "the machine whose engine runs the targets");
        }
        return new Decision(TargetHosts.allowing(allowed.iterator().next().getHostAddress()), allowRemoteTarget
                .strip());
    }

    private static boolean isLoopback(String host, Resolver resolver) {
        Set<InetAddress> all = resolveAll(host, resolver, "DOCKER_HOST host " + host);
        return all.stream().allMatch(InetAddress::isLoopbackAddress);
    }

    private static Set<InetAddress> resolveAll(String host, Resolver resolver, String what) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return Set.copyOf(Arrays.asList(resolver.resolve(bare)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + ": '" + bare + "' does not resolve");
        }
    }

    private static String names(Set<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).sorted().collect(Collectors.joining(", "));
    }
}
