package org.pairbench.core;

/**
 * Text from a file shown in a one-line message with its control characters escaped ({@code \x0d}), so that a
 * crafted value can neither break the line nor rewrite the terminal. Stateless.
 */
public final class Printable {
    private Printable() {
    }

    /** At most {@code limit} characters of {@code s}, control characters as {@code \xNN}. */
    public static String escape(String s, int limit) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(limit).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
