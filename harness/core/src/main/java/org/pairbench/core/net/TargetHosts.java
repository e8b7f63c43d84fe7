package org.pairbench.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Where load may go: loopback always, and at most one other host the user named on purpose (a remote Docker engine
 * running the targets on a machine of their own). Every address the remote host's name resolves to when the
 * allowance is made is accepted; every other non-loopback address is refused as {@link LoopbackGuard} refuses it.
 * A host is never allowed implicitly: {@link #fromDockerHost} only says which host {@code DOCKER_HOST} names, and
 * only a user's explicit opt-in passes it to {@link #allowing}. Immutable; any thread.
 */
public final class TargetHosts {
    private static final TargetHosts LOOPBACK_ONLY = new TargetHosts(null, Set.of());

    private final String remoteHost;
    private final Set<InetAddress> remoteAddresses;

    private TargetHosts(String remoteHost, Set<InetAddress> remoteAddresses) {
        this.remoteHost = remoteHost;
        this.remoteAddresses = remoteAddresses;
    }

    /** Loopback only: the rule unless the user opts in. */
    public static TargetHosts loopbackOnly() {
        return LOOPBACK_ONLY;
    }

    /**
     * Loopback and exactly {@code host} (a name or an address), resolved now: the addresses it names at this moment
     * are the only remote ones accepted for the rest of the run.
     */
    public static TargetHosts allowing(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("remote target host: a host name or address is needed");
        }
        try {
            return new TargetHosts(host, Set.of(InetAddress.getAllByName(host.strip())));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("remote target host '" + host + "' does not resolve");
        }
    }

    /**
     * The host a {@code DOCKER_HOST} value names ({@code tcp://10.0.0.5:2376}, {@code ssh://user@box}), where the
     * targets' ports are then reached; null for a local engine (unset, {@code unix://}, {@code npipe://}).
     */
    public static String fromDockerHost(String dockerHost) {
        if (dockerHost == null || dockerHost.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(dockerHost.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DOCKER_HOST '" + dockerHost + "' is not a URL (e.g. tcp://host:2376)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (List.of("unix", "npipe").contains(scheme)) {
            return null;
        }
        if (!List.of("tcp", "ssh", "http", "https").contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("DOCKER_HOST '" + dockerHost + "': expected unix://PATH, tcp://HOST:PORT"
                    + " or ssh://[USER@]HOST");
        }
        return uri.getHost();
    }

    /** The address itself when load may go there; else refused with the reason. */
    public InetAddress require(InetAddress address) {
        if (address.isLoopbackAddress() || remoteAddresses.contains(address)) {
            return address;
        }
        throw new IllegalArgumentException("'" + address.getHostAddress() + "' is not a loopback address"
                + (remoteHost == null ? "" : " nor the remote target host " + remoteHost + " ("
                        + String.join(", ", remoteAddresses.stream().map(InetAddress::getHostAddress).sorted()
                                .toList()) + ")")
                + ": pairbench sends load only to 127.0.0.1 or ::1" + (remoteHost == null ? "" : " and that host"));
    }

    /** Resolves {@code host} and refuses it unless every address it names may receive load. */
    public InetAddress require(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' does not resolve; use 127.0.0.1");
        }
        for (InetAddress a : all) {
            require(a);
        }
        return all[0];
    }

    public InetSocketAddress require(InetSocketAddress address) {
        if (address.isUnresolved()) {
            return new InetSocketAddress(require(address.getHostString()), address.getPort());
        }
        require(address.getAddress());
        return address;
    }

    /** The allowed remote host as the user named it; null when load goes to loopback only. */
    public String remoteHost() {
        return remoteHost;
    }
}
