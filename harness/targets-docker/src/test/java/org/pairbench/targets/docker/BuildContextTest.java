package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
    @TempDir
    Path dir;

    @BeforeEach
    void targetsDir() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "**/__pycache__\n*.md\n");
        write("requirements.lock", "aiohttp==3.14.5 --hash=sha256:00\n");
        write("http_hello/aiohttp_server.py", "print('hi')\n");
        write("http_hello/__pycache__/aiohttp_server.cpython-311.pyc", "bytecode");
        write("README.md", "docs");
    }

    @Test
    void listsWhatDockerignoreLetsThroughSorted() throws IOException {
        assertThat(BuildContext.of(dir).files()).containsExactly(".dockerignore", "Dockerfile",
                "http_hello/aiohttp_server.py", "requirements.lock");
    }

    @Test
    void theTagIsStableAndChangesWithContentButNotWithIgnoredFiles() throws IOException {
        String tag = BuildContext.of(dir).tag();
        assertThat(tag).hasSize(BuildContext.TAG_HEX_CHARS).matches("[0-9a-f]+");
        assertThat(BuildContext.of(dir).tag()).isEqualTo(tag);

        write("README.md", "edited docs");
        write("http_hello/__pycache__/other.pyc", "more bytecode");
        write("wheels/aiohttp.whl", "a wheel left on disk");
        assertThat(BuildContext.of(dir).tag()).as("ignored files and wheels/ do not count").isEqualTo(tag);

        write("requirements.lock", "aiohttp==3.14.6 --hash=sha256:01\n");
        assertThat(BuildContext.of(dir).tag()).isNotEqualTo(tag);
    }

    @Test
    void aRenamedFileChangesTheTagEvenWithTheSameContent() throws IOException {
        String tag = BuildContext.of(dir).tag();
        Files.move(dir.resolve("http_hello/aiohttp_server.py"), dir.resolve("http_hello/server.py"));
        assertThat(BuildContext.of(dir).tag()).isNotEqualTo(tag);
    }

    @Test
    void theTarHoldsTheFilesAndTheWheelsUnderWheels() throws IOException {
        Path wheels = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-wheels"));
        Files.writeString(wheels.resolve("aiohttp-3.14.5-cp311.whl"), "wheel");
        Files.createDirectories(wheels.resolve("tools"));
        Files.writeString(wheels.resolve("tools/pip-23.2.1-py3-none-any.whl"), "pip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildContext.of(dir).writeTar(wheels, out);

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
                if (e.getName().equals("Dockerfile")) {
                    assertThat(new String(tar.readAllBytes())).isEqualTo("FROM scratch\n");
                }
            }
        }
        assertThat(names).containsExactly(".dockerignore", "Dockerfile", "http_hello/aiohttp_server.py",
                "requirements.lock", "wheels/aiohttp-3.14.5-cp311.whl", "wheels/tools/pip-23.2.1-py3-none-any.whl");
    }

    @Test
    void aDirectoryWithoutDockerfileIsRefused() throws IOException {
        Files.delete(dir.resolve("Dockerfile"));
        assertThatThrownBy(() -> BuildContext.of(dir)).hasMessageContaining("no Dockerfile");
    }

    @Test
    void theRealPythonTargetsDirectoryHasADockerfileAndNoDocsInItsContext() throws IOException {
        BuildContext real = BuildContext.of(Path.of("../../python-targets"));
        assertThat(real.files()).contains("Dockerfile", "requirements.lock", "http_hello/aiohttp_server.py")
                .noneMatch(f -> f.endsWith(".md") || f.contains("__pycache__"));
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
