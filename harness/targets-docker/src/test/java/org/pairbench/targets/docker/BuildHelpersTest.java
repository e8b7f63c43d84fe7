package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of an image build that are pure: pip's command lines, the Debian mirror, the venv tools. */
class BuildHelpersTest {
    private static final Path PY = Path.of("/cache/venv/bin/python");

    @Test
    void wheelsAreDownloadedForThePythonOfTheImageWithHashes() {
        List<String> argv = WheelDownload.lockCommand(PY, Path.of("/p/requirements.lock"), Path.of("/w"), "x86_64");
        assertThat(argv).startsWith("/cache/venv/bin/python", "-m", "pip", "download");
        assertThat(String.join(" ", argv)).contains("--only-binary=:all:", "--python-version 3.11",
                "--implementation cp", "--abi cp311", "-d /w", "--require-hashes -r /p/requirements.lock",
                "--platform manylinux_2_36_x86_64", "--platform manylinux_2_17_x86_64",
                "--platform manylinux2014_x86_64", "--no-deps");
        assertThat(String.join(" ", argv)).doesNotContain("manylinux_2_37", "manylinux_2_16");
    }

    @Test
    void toolsAreDownloadedPinnedWithoutTheLock() {
        List<String> argv = WheelDownload.toolsCommand(PY, List.of("pip==23.2.1", "setuptools==65.5.0"),
                Path.of("/w/tools"), "aarch64");
        assertThat(argv).endsWith("pip==23.2.1", "setuptools==65.5.0").doesNotContain("--require-hashes");
        assertThat(argv).contains("manylinux_2_28_aarch64");
    }

    @Test
    void theMirrorComesFromTheEnvironmentOrAptsFirstNonSecurityArchive() {
        String deb822 = """
                Types: deb
                # http://snapshot.example/archive/debian/20250520T000000Z
                URIs: http://mirror.example/debian
                Suites: bookworm bookworm-updates
                Components: main

                Types: deb
                URIs: http://mirror.example/debian-security
                Suites: bookworm-security
                """;
        assertThat(DebianMirror.fromDeb822(deb822)).contains("http://mirror.example/debian");
        String securityFirst = "Types: deb\nURIs: http://s.example/debian-security\nSuites: bookworm-security\n\n"
                + "Types: deb\nURIs: http://m.example/debian\nSuites: bookworm\n";
        assertThat(DebianMirror.fromDeb822(securityFirst)).contains("http://m.example/debian");
        assertThat(DebianMirror.fromList("# c\ndeb http://s.example/debian-security bookworm-security main\n"
                + "deb [arch=amd64 signed-by=/k.gpg] http://m.example/debian bookworm main\n"))
                .contains("http://m.example/debian");
        assertThat(DebianMirror.find(Map.of(DebianMirror.ENV, " http://env.example/debian ")))
                .contains("http://env.example/debian");
    }

    @Test
    void venvToolsFollowTheLocalEnvironment() {
        VenvTools py311 = VenvTools.of(Map.of("pip", "23.2.1", "setuptools", "65.5.0", "aiohttp", "3.14.5"));
        assertThat(py311.requirements()).isEqualTo("pip==23.2.1 setuptools==65.5.0");
        assertThat(py311.remove()).isEmpty();
        VenvTools py312 = VenvTools.of(Map.of("pip", "24.0"));
        assertThat(py312.requirements()).isEqualTo("pip==24.0");
        assertThat(py312.remove()).isEqualTo("setuptools");
    }

    @Test
    void theOpenFileLimitIsTheHardColumn() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max open files            1024                 524288               files     \n";
        assertThat(HostLimits.openFiles(limits)).isEqualTo(524288);
        assertThat(HostLimits.openFiles("Max open files  unlimited unlimited files\n")).isZero();
        assertThat(HostLimits.openFiles("")).isZero();
    }
}
