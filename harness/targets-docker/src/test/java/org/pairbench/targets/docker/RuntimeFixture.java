package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.targets.TargetException;

/**
 * What the docker runtime's integration tests share: an engine (or a visible skip) and the images, a new runtime
 * per test with its own run id, pinned to CPU 1, and after each test the check that no container of that run is
 * left once the runtime closed.
 */
abstract class RuntimeFixture {
    static DockerClient client;

    @TempDir
    Path dir;
    String runId;
    DockerRuntime runtime;
    final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void engineAndImages() throws TargetException {
        client = DockerTestSupport.engineOrSkip();
        DockerTestSupport.images();
    }

    @BeforeEach
    void newRuntime() throws TargetException {
        runId = "it-" + UUID.randomUUID();
        runtime = DockerRuntime.create(DockerTestSupport.PYTHON_TARGETS, "1", DockerRuntime.DEFAULT_MEMORY_BYTES,
                runId, progress::add);
    }

    @AfterEach
    void closeAndCheckNothingIsLeft() {
        runtime.close();
        assertThat(DockerTestSupport.containers(client, Map.of(ContainerLabels.RUN, runId))).isEmpty();
    }
}
