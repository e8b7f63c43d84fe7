package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pairbench.targets.TargetException;
import org.testcontainers.DockerClientFactory;

/**
 * The connection to the Docker engine, through Testcontainers' client (it finds the engine from
 * {@code DOCKER_HOST}, the Docker context or the default socket, and negotiates down to older API versions such
 * as Debian's Docker 20.10).
 *
 * <p>Testcontainers reads two settings from the environment only, so the {@code pairbench} launcher exports them
 * and this class refuses to go on without them rather than let Testcontainers pull an image or look for a
 * network that is not there:
 * <ul>
 *   <li>{@code TESTCONTAINERS_RYUK_DISABLED=true}: Ryuk, Testcontainers' reaper, is an image it would pull from a
 *       registry. The harness removes its containers itself (after each variant, on close, and leftovers by
 *       label before a run).</li>
 *   <li>{@code TESTCONTAINERS_HOST_OVERRIDE=localhost}, when the harness runs in a container: Testcontainers would
 *       otherwise look for the engine's bridge network to reach containers, and the engine may run with
 *       {@code bridge: none}. Targets use host networking, so the answer is the loopback anyway.</li>
 * </ul>
 *
 * <p>Threading: Testcontainers' client is a thread-safe singleton; any thread.
 */
final class DockerEngine {
    static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";
    static final String HOST_OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";

    private DockerEngine() {
    }

    /** The engine's client, or a one-line reason why there is none that names {@code --runtime local}. */
    static DockerClient connect() throws TargetException {
        String missing = missingSettings(System.getenv(), new File("/.dockerenv").exists());
        if (missing != null) {
            throw new TargetException(missing);
        }
        String where = address(System.getenv());
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new TargetException(unreachable(where, null));
            }
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new TargetException(unreachable(where, e.getMessage()), null, List.of(), e);
        }
    }

    /**
     * Where Testcontainers reached the engine (after {@link #connect()}), e.g. {@code tcp://127.0.0.1:2375}; it
     * may differ from {@code DOCKER_HOST} when a Docker context or the default socket was used. Null when unknown.
     */
    static String reachedAt() {
        try {
            return DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The name the engine gives its machine ({@code docker info}'s Name); null when it does not answer. */
    static String machineName(DockerClient client) {
        try {
            return client.infoCmd().exec().getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Null when the environment has what Testcontainers needs here, else the one-line problem. */
    static String missingSettings(Map<String, String> env, boolean inContainer) {
        List<String> missing = new ArrayList<>();
        if (!"true".equalsIgnoreCase(env.getOrDefault(RYUK_DISABLED, "").strip())) {
            missing.add(RYUK_DISABLED + "=true");
        }
        if (inContainer && env.getOrDefault(HOST_OVERRIDE, "").isBlank()) {
            missing.add(HOST_OVERRIDE + "=localhost");
        }
        return missing.isEmpty() ? null : "the docker runtime needs " + String.join(" and ", missing)
                + " in the environment (the ./pairbench launcher sets them; see README, \"Containers\")";
    }

    /** Where the engine is expected: {@code DOCKER_HOST}, else the default socket. */
    static String address(Map<String, String> env) {
        String host = env.get("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    }

    static String unreachable(String where, String detail) {
        String why = where.startsWith("unix://") && !new File(where.substring("unix://".length())).exists()
                ? "the socket does not exist: is dockerd running?"
                : detail == null || detail.isBlank() ? "is dockerd running?" : firstLine(detail);
        return "no Docker engine reachable at " + where + " (" + why + "); start one (README, \"Containers\") "
                + "or run with --runtime local";
    }

    /** The innermost message of an exception chain (Testcontainers wraps the engine's answer twice). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
