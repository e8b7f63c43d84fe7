package org.pairbench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damages a text file the ways hands and disks do: lines deleted, duplicated, swapped or re-indented, values
 * replaced by another type, a huge or negative number, a wrong unit, random bytes inserted (invalid UTF-8 and
 * control characters included), the file cut short. Seeded, so every input can be made again from its seed.
 * Not thread-safe: one per thread.
 */
final class Mutator {
    private static final String[] VALUES = {"-1", "0", "99999999999999999999999", "1e308", "-1e308", ".nan", "NaN",
        "[a, b]", "{x: 1}", "''", "~", "null", "10 parsecs", "5/h", "-3s", "1.5.2ms", "0/s", "9999999999999s",
        "true", "\"\\u0000\"", "&anchor x", "*anchor", "\"", "'", "[", "{", "- x", "!!binary AAAA", "!!float 1",
        "\"\\r\\n\"", "\"../../x\"", "{\"a\": 1}", "-0", "2147483648", "-2147483649", "0x10", "1_000"};

    private final SplittableRandom random;

    Mutator(long seed) {
        random = new SplittableRandom(seed);
    }

    /** One to three damages applied to {@code original}. */
    byte[] mutate(byte[] original) {
        byte[] out = original;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out = once(out);
        }
        return out;
    }

    private byte[] once(byte[] in) {
        int op = random.nextInt(9);
        if (op == 0) {
            return insertBytes(in);
        }
        if (op == 1) {
            return in.length == 0 ? in : Arrays.copyOf(in, random.nextInt(in.length));
        }
        List<String> lines = new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
        if (lines.isEmpty()) {
            return in;
        }
        int at = random.nextInt(lines.size());
        switch (op) {
            case 2 -> lines.remove(at);
            case 3 -> lines.add(at, lines.get(at));
            case 4 -> {
                int other = random.nextInt(lines.size());
                String l = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, l);
            }
            case 5 -> lines.set(at, random.nextBoolean() ? "  " + lines.get(at) : lines.get(at).replaceFirst("^ {1,2}", ""));
            case 6, 7 -> lines.set(at, replaceValue(lines.get(at)));
            default -> lines.set(at, replaceNumber(lines.get(at)));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private String replaceValue(String line) {
        String value = VALUES[random.nextInt(VALUES.length)];
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + value;
        }
        int dash = line.indexOf("- ");
        return dash >= 0 ? line.substring(0, dash + 2) + value : line + " " + value;
    }

    private String replaceNumber(String line) {
        String[] numbers = {"-1", "0", "99999999999999999999", "-99999999999999", "1e400", "2147483648"};
        return line.replaceFirst("\\d+(\\.\\d+)?", numbers[random.nextInt(numbers.length)]);
    }

    private byte[] insertBytes(byte[] in) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        byte[] noise = new byte[1 + random.nextInt(8)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) random.nextInt(256);
        }
        byte[] out = new byte[in.length + noise.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(in, at, out, at + noise.length, in.length - at);
        return out;
    }
}
