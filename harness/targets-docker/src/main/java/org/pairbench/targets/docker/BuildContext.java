package org.pairbench.targets.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context of the target image: the files of {@code python-targets/} that its {@code .dockerignore}
 * lets through (the Dockerfile, the lock file, the programs), and the image tag derived from them.
 *
 * <p>The tag is the first {@value #TAG_HEX_CHARS} hex digits of a sha256 over every selected file's relative path
 * and content, so an unchanged Dockerfile, lock file and programs name the same image (reused), and any change
 * names a new one. The wheels directory is not part of the hash: the lock file's hashes already fix its content.
 *
 * <p>Threading: immutable once listed; {@link #writeTar} may run on another thread than the one that built it.
 */
final class BuildContext {
    static final int TAG_HEX_CHARS = 16;
    /** Where the downloaded wheels go in the context; the Dockerfile copies them from there. */
    static final String WHEELS_DIR = "wheels";

    private final Path root;
    private final List<String> files;

    private BuildContext(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    /** Lists the files of {@code targetsDir} that {@code .dockerignore} does not exclude, sorted. */
    static BuildContext of(Path targetsDir) throws IOException {
        Path root = targetsDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("Dockerfile"))) {
            throw new IOException("no Dockerfile in " + root);
        }
        DockerIgnore ignore = DockerIgnore.of(root);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = relative(root, p);
                // a wheels/ left on disk would clash with the one the builder adds
                if (!ignore.excludes(rel) && !rel.startsWith(WHEELS_DIR + "/")) {
                    files.add(rel);
                }
            });
        }
        files.sort(null);
        return new BuildContext(root, files);
    }

    List<String> files() {
        return files;
    }

    /** The image tag for these files (see the class comment). */
    String tag() throws IOException {
        MessageDigest sha = sha256();
        for (String rel : files) {
            sha.update(rel.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(sha256().digest(Files.readAllBytes(root.resolve(rel))));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, TAG_HEX_CHARS);
    }

    /**
     * Writes the context as an uncompressed tar: the listed files, then every file under {@code wheels} as
     * {@value #WHEELS_DIR}/... Closes {@code out}.
     */
    void writeTar(Path wheels, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String rel : files) {
                add(tar, root.resolve(rel), rel);
            }
            List<Path> wheelFiles;
            try (Stream<Path> walk = Files.walk(wheels)) {
                wheelFiles = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path p : wheelFiles) {
                add(tar, p, WHEELS_DIR + "/" + relative(wheels, p));
            }
            tar.finish();
        }
    }

    /** Adds a file made in memory (a Dockerfile) to a build context. */
    static void addBytes(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
        entry.setMode(Files.isExecutable(file) ? 0755 : 0644);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
