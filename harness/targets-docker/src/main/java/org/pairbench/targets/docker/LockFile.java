package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.pairbench.targets.TargetException;

/**
 * The lock file the image was installed from, as run.json records it: its path relative to the project and the
 * sha256 of its bytes (the same figures as the local runtime's, since both install the same file). The image
 * tag hashes the lock file too, so the image found for the current checkout holds exactly this lock.
 *
 * @param relativePath e.g. {@code python-targets/requirements.lock}
 * @param sha256       hex sha256 of the file
 */
record LockFile(String relativePath, String sha256) {
    static final String NAME = "requirements.lock";

    static LockFile read(Path targetsDir) throws TargetException {
        Path lock = targetsDir.resolve(NAME);
        try {
            byte[] bytes = Files.readAllBytes(lock);
            String relative = targetsDir.getParent() == null ? NAME
                    : targetsDir.getParent().relativize(lock).toString().replace('\\', '/');
            return new LockFile(relative, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes)));
        } catch (IOException e) {
            throw new TargetException("cannot read " + lock + ": " + e.getMessage(), null, List.of(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
