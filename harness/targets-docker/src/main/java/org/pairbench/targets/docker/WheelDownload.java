package org.pairbench.targets.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code pip download} command lines that fetch the image's wheels on the host, with the host's pip and its
 * configuration (index, certificates, proxies), so the image build itself needs no access to a package index.
 *
 * <p>Wheels are chosen for the image, not for the host: CPython {@value Images#PYTHON_VERSION} (the lock's) on
 * this machine's architecture, any manylinux tag up to glibc 2.36 (Debian bookworm's; newer bases have a newer
 * glibc), binary wheels only. The lock's hashes are required, as for the local install. Stateless.
 */
final class WheelDownload {
    /** glibc minor versions of the manylinux tags accepted: 2.17 (manylinux2014) to 2.36 (Debian 12). */
    static final int OLDEST_GLIBC_MINOR = 17;
    static final int NEWEST_GLIBC_MINOR = 36;

    private WheelDownload() {
    }

    /** Downloads every package of the lock file into {@code dir}, hashes checked. */
    static List<String> lockCommand(Path python, Path lockFile, Path dir, String arch) {
        List<String> argv = base(python, dir, arch);
        argv.addAll(List.of("--require-hashes", "-r", lockFile.toString()));
        return argv;
    }

    /** Downloads pinned tools such as {@code pip==23.2.1 setuptools==65.5.0} into {@code dir}. */
    static List<String> toolsCommand(Path python, List<String> requirements, Path dir, String arch) {
        List<String> argv = base(python, dir, arch);
        argv.addAll(requirements);
        return argv;
    }

    private static List<String> base(Path python, Path dir, String arch) {
        String abi = "cp" + Images.PYTHON_VERSION.replace(".", "");
        List<String> argv = new ArrayList<>(List.of(python.toString(), "-m", "pip", "download", "--no-deps",
                "--disable-pip-version-check", "--no-input", "--only-binary=:all:", "--python-version",
                Images.PYTHON_VERSION, "--implementation", "cp", "--abi", abi, "-d", dir.toString()));
        for (int minor = NEWEST_GLIBC_MINOR; minor >= OLDEST_GLIBC_MINOR; minor--) {
            argv.addAll(List.of("--platform", "manylinux_2_" + minor + "_" + arch));
        }
        for (String legacy : List.of("manylinux2014", "manylinux2010", "manylinux1")) {
            argv.addAll(List.of("--platform", legacy + "_" + arch));
        }
        return argv;
    }

    /** The wheel architecture of this machine ({@code x86_64}, {@code aarch64}, ...). */
    static String machineArch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> arch;
        };
    }
}
