package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.pairbench.targets.TargetException;

/**
 * The Debian base image for machines with no registry: a minimal Debian 12 root file system made with
 * {@code debootstrap --variant=minbase bookworm} from this machine's Debian mirror, imported into the engine as
 * {@code pairbench/base-bookworm:<yyyymmdd>} (the day its packages were fetched). It has no Python: the
 * Dockerfile installs Debian's. The newest such image is reused; a rebuild fetches today's packages.
 *
 * <p>Needs root (debootstrap creates device files and changes ownership) and about 30 s. Runs on the caller's
 * thread.
 */
final class BaseImage {
    static final String SUITE = "bookworm";
    /**
     * Turns the debootstrap tree into the image; LANG as in official images, so Python's I/O is UTF-8. (No
     * {@code org.pairbench=1} label: containers inherit image labels, and that one marks harness containers.)
     */
    static final String DOCKERFILE = "FROM scratch\nADD rootfs.tar /\nENV LANG=C.UTF-8\n"
            + "LABEL org.pairbench.image=base\nCMD [\"bash\"]\n";
    private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(30);

    /** @param reference e.g. {@code pairbench/base-bookworm:20261121}; @param id the image id */
    record Found(String reference, String id) {
    }

    private BaseImage() {
    }

    /** The newest base image in the engine, if any. */
    static Optional<Found> newest(DockerClient client) {
        List<Image> images = client.listImagesCmd().withReferenceFilter(Images.BASE_REPOSITORY).exec();
        return images.stream().filter(i -> i.getRepoTags() != null && i.getRepoTags().length > 0)
                .max(Comparator.comparing(i -> i.getCreated() == null ? 0L : i.getCreated()))
                .map(i -> new Found(newestTag(i.getRepoTags()), i.getId()));
    }

    private static String newestTag(String[] tags) {
        return Stream.of(tags).filter(t -> t.startsWith(Images.BASE_REPOSITORY + ":")).max(Comparator.naturalOrder())
                .orElse(tags[0]);
    }

    /** Builds and imports a new base image. */
    static Found build(DockerClient client, Map<String, String> env, Consumer<String> progress)
            throws TargetException {
        String mirror = DebianMirror.find(env).orElseThrow(() -> new TargetException("no Debian mirror found in "
                + "/etc/apt for debootstrap: set " + DebianMirror.ENV + " to one, or pass --base IMAGE"));
        String tag = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        String reference = Images.BASE_REPOSITORY + ":" + tag;
        Path work = null;
        try {
            work = Files.createTempDirectory("pairbench-base");
            Path rootfs = work.resolve("rootfs");
            progress.accept("Building the Debian base image " + reference + " with debootstrap from " + mirror
                    + " (about 30 s, once)");
            HelperProcess.run(List.of("debootstrap", "--variant=minbase", SUITE, rootfs.toString(), mirror),
                    work.resolve("debootstrap.log"), DEBOOTSTRAP_TIMEOUT);
            progress.accept("Importing it into the Docker engine");
            return new Found(reference, importTree(client, rootfs, reference, progress));
        } catch (IOException e) {
            throw new TargetException("cannot build the base image: " + e.getMessage(), null, List.of(), e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Turns the tree into an image: {@code tar} (it keeps devices, links and owners exactly), then a build of
     * {@code FROM scratch} + {@code ADD rootfs.tar /}, which unpacks it as {@code docker import} would. (The
     * engine's import endpoint cannot be used: docker-java sends its stream as JSON.)
     */
    private static String importTree(DockerClient client, Path rootfs, String reference, Consumer<String> progress)
            throws IOException, TargetException {
        Path work = rootfs.getParent();
        Path archive = work.resolve("rootfs.tar");
        HelperProcess.run(List.of("tar", "-C", rootfs.toString(), "--numeric-owner", "-cf", archive.toString(),
                "."), work.resolve("tar.log"), DEBOOTSTRAP_TIMEOUT);
        Path context = work.resolve("context.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(context))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            BuildContext.addBytes(tar, "Dockerfile", DOCKERFILE.getBytes(StandardCharsets.UTF_8));
            tar.putArchiveEntry(new TarArchiveEntry(archive.toFile(), "rootfs.tar"));
            Files.copy(archive, tar);
            tar.closeArchiveEntry();
            tar.finish();
        }
        try (InputStream in = Files.newInputStream(context)) {
            return ImageBuild.run(client, in, reference, Map.of(), Map.of(), progress);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        // rm handles what a root file system holds (device nodes, read-only directories) without surprises
        try {
            new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            // a leftover temp directory is harmless
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
