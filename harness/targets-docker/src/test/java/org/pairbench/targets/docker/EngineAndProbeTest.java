package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineAndProbeTest {
    @Test
    void testcontainersSettingsAreRequiredWhereTheyMatter() {
        assertThat(DockerEngine.missingSettings(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), false)).isNull();
        assertThat(DockerEngine.missingSettings(Map.of(), false)).contains("TESTCONTAINERS_RYUK_DISABLED=true")
                .doesNotContain("HOST_OVERRIDE").contains("./pairbench launcher");
        assertThat(DockerEngine.missingSettings(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true"), true))
                .contains("TESTCONTAINERS_HOST_OVERRIDE=localhost");
        assertThat(DockerEngine.missingSettings(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true",
                "TESTCONTAINERS_HOST_OVERRIDE", "localhost"), true)).isNull();
    }

    @Test
    void anUnreachableEngineIsOneLineNamingTheLocalRuntime() {
        String where = DockerEngine.address(Map.of());
        assertThat(where).isEqualTo("unix:///var/run/docker.sock");
        assertThat(DockerEngine.address(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"))).isEqualTo(
                "tcp://127.0.0.1:2375");
        String message = DockerEngine.unreachable("unix:///nonexistent/docker.sock", "ignored\nsecond line");
        assertThat(message).contains("unix:///nonexistent/docker.sock", "socket does not exist",
                "--runtime local").doesNotContain("\n");
        assertThat(DockerEngine.unreachable("tcp://127.0.0.1:1", "Connection refused\nat ..."))
                .contains("Connection refused").doesNotContain("\n");
    }

    @Test
    void theImagesPythonAndPackagesAreReadFromItsOutput() throws Exception {
        ImageProbe.Found found = ImageProbe.parse("3.11.2\n[{\"name\": \"aiohttp\", \"version\": \"3.14.5\"}, "
                + "{\"name\": \"typing_extensions\", \"version\": \"4.16.0\"}, {\"name\": \"PyYAML\", "
                + "\"version\": \"6.0\"}]\n");
        assertThat(found.version()).isEqualTo("3.11.2");
        assertThat(found.packages()).containsExactly(Map.entry("aiohttp", "3.14.5"), Map.entry("pyyaml", "6.0"),
                Map.entry("typing_extensions", "4.16.0"));
        assertThatThrownBy(() -> ImageProbe.parse("no json")).hasMessageContaining("unexpected output");
    }

    @Test
    void rootMessageIsTheInnermostFirstLine() {
        Exception e = new RuntimeException("outer", new IllegalStateException("middle",
                new RuntimeException("No such image: x\nmore")));
        assertThat(DockerEngine.rootMessage(e)).isEqualTo("No such image: x");
    }
}
