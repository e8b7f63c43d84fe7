package org.pairbench.targets.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Names the cached virtual environment: the sha256 of the lock file's bytes followed by the interpreter version,
 * so a changed lock or another Python gets its own environment and an unchanged pair reuses the existing one.
 * Also resolves the cache directory. Stateless.
 */
final class VenvCacheKey {
    private static final int NAME_HEX_CHARS = 16;

    private VenvCacheKey() {
    }

    /** Full hex sha256 of (lock bytes + interpreter version). */
    static String of(byte[] lockBytes, String interpreterVersion) {
        MessageDigest sha = sha256();
        sha.update(lockBytes);
        sha.update(interpreterVersion.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Directory name of the environment: {@code venv-<first 16 hex of the key>}. */
    static String dirName(String key) {
        return "venv-" + key.substring(0, NAME_HEX_CHARS);
    }

    /** Hex sha256 of some bytes (the lock file's, recorded in run.json). */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** {@code ${PAIRBENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pairbench}}, read from {@code env}. */
    static Path cacheRoot(Map<String, String> env) {
        String explicit = env.get("PAIRBENCH_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "pairbench");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "pairbench");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
