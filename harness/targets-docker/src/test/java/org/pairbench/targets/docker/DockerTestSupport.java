package org.pairbench.targets.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.pairbench.targets.TargetException;

/**
 * What the container integration tests need: a reachable engine, or else a visible skip (a failure under
 * {@code CI=true}, where the engine must be there), and the images, built once per test JVM the way
 * {@code ./pairbench images} builds them (a no-op when they are up to date).
 */
final class DockerTestSupport {
    static final Path PYTHON_TARGETS = Path.of("../../python-targets").toAbsolutePath().normalize();
    private static String image;

    private DockerTestSupport() {
    }

    /** The engine's client; skips (or fails on CI) the calling test when there is none. */
    static DockerClient engineOrSkip() {
        try {
            return DockerEngine.connect();
        } catch (TargetException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but the container tests cannot run: " + e.getMessage());
            }
            System.out.println("SKIPPED container integration tests (no Docker engine): " + e.getMessage());
            Assumptions.abort("no Docker engine: " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** Builds the images if needed and returns the target image's reference. */
    static synchronized String images() throws TargetException {
        if (image == null) {
            image = new ImageBuilder(PYTHON_TARGETS, System.getenv(), m -> System.out.println("[images] " + m))
                    .build(null, false, false).targetImage();
        }
        return image;
    }

    /** Containers (running or not) that carry all these labels. */
    static List<Container> containers(DockerClient client, Map<String, String> labels) {
        return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    }
}
