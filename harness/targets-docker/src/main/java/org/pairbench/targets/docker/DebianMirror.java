package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian mirror debootstrap fetches the base image's packages from: {@code PAIRBENCH_DEBIAN_MIRROR} when set,
 * else the first Debian archive (not the security one) this machine's apt is configured with, so that the
 * project names no mirror of its own. Stateless.
 */
final class DebianMirror {
    static final String ENV = "PAIRBENCH_DEBIAN_MIRROR";
    private static final Path DEB822 = Path.of("/etc/apt/sources.list.d/debian.sources");
    private static final Path LEGACY = Path.of("/etc/apt/sources.list");

    private DebianMirror() {
    }

    static Optional<String> find(Map<String, String> env) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(explicit.strip());
        }
        return read(DEB822).flatMap(DebianMirror::fromDeb822).or(() -> read(LEGACY).flatMap(DebianMirror::fromList));
    }

    /** The first {@code URIs:} of a deb822 sources file whose suites are not security updates. */
    static Optional<String> fromDeb822(String text) {
        for (String stanza : text.split("\n\\s*\n")) {
            String uri = null;
            boolean security = false;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("URIs:")) {
                    String[] uris = line.substring("URIs:".length()).strip().split("\\s+");
                    uri = uris[0].isEmpty() ? null : uris[0];
                } else if (line.startsWith("Suites:") && line.contains("-security")) {
                    security = true;
                }
            }
            if (uri != null && !security) {
                return Optional.of(uri);
            }
        }
        return Optional.empty();
    }

    /** The URI of the first {@code deb} line of a one-line-style sources.list that is not for security updates. */
    static Optional<String> fromList(String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (!line.startsWith("deb ")) {
                continue;
            }
            String[] f = line.substring(4).replaceAll("\\[[^]]*]", " ").strip().split("\\s+");
            if (f.length >= 2 && !f[1].contains("-security")) {
                return Optional.of(f[0]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
