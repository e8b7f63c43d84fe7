package org.pairbench.core.parity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a parity answer keeps of a body: its SHA-256 (compared across variants) and a short printable preview
 * (quoted in the error when they differ). Stateless and thread-safe.
 */
public final class BodyDigest {
    private static final int PREVIEW_BYTES = 80;

    private BodyDigest() {
    }

    /** The body's SHA-256 in lower-case hex. */
    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 80 bytes as UTF-8, line breaks escaped, "..." when the body is longer. */
    public static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, PREVIEW_BYTES), StandardCharsets.UTF_8);
        return text.replace("\n", "\\n").replace("\r", "\\r") + (body.length > PREVIEW_BYTES ? "..." : "");
    }
}
