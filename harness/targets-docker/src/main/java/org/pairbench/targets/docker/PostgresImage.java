package org.pairbench.targets.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.pairbench.targets.postgres.PostgresConventions;

/**
 * The PostgreSQL image of the docker runtime, {@code pairbench/postgres:<tag>}: Debian's {@code postgresql} package
 * on the same base image as the target image, with a cluster made at build time by
 * {@link PostgresConventions#initdbOptions()} (its Dockerfile is the resource {@value #RESOURCE} next to this class).
 *
 * <p>The tag is a hash of the Dockerfile and of the build arguments that shape the image (initdb's options, the
 * data directory), so the image is reused while they are unchanged and any change names a new one. The base image
 * is not in the tag: as for the target image, the builder compares it through image labels.
 *
 * <p>Immutable; any thread.
 */
final class PostgresImage {
    static final String RESOURCE = "postgres.Dockerfile";
    /** The cluster's data directory inside the image, owned by user {@code postgres}. */
    static final String DATA_DIR = "/var/lib/postgresql/pairbench";
    /** Where the Dockerfile links the server's programs. */
    static final String BIN = "/usr/local/bin";

    private final String dockerfile;

    PostgresImage(String dockerfile) {
        this.dockerfile = dockerfile;
    }

    /** The Dockerfile shipped with the harness. */
    static PostgresImage load() {
        try (InputStream in = PostgresImage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the harness's class path");
            }
            return new PostgresImage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The build arguments besides {@code BASE_IMAGE}; they are part of the tag. */
    static Map<String, String> shapingArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("INITDB_OPTIONS", String.join(" ", PostgresConventions.initdbOptions()));
        args.put("DATA_DIR", DATA_DIR);
        return args;
    }

    /** Every build argument, for a build on {@code baseImage}. */
    static Map<String, String> buildArgs(String baseImage) {
        Map<String, String> args = new LinkedHashMap<>(shapingArgs());
        args.put("BASE_IMAGE", baseImage);
        return args;
    }

    /** The first {@value BuildContext#TAG_HEX_CHARS} hex digits of a sha256 over the Dockerfile and shaping args. */
    String tag() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        sha.update(dockerfile.getBytes(StandardCharsets.UTF_8));
        shapingArgs().forEach((k, v) -> sha.update(("\0" + k + "=" + v).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest()).substring(0, BuildContext.TAG_HEX_CHARS);
    }

    String reference() {
        return Images.postgresImage(tag());
    }

    /** The build context: a tar holding only the Dockerfile. */
    byte[] contextTar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            BuildContext.addBytes(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a tar in memory", e);
        }
        return bytes.toByteArray();
    }
}
