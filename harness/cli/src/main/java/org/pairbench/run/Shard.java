package org.pairbench.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard I/N}: this run measures part I of the suite split into N ({@link ShardSplit}). Immutable.
 *
 * @param index I, from 1
 * @param count N, at least 1
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + ": I/N needs 1 <= I <= N");
        }
    }

    /** Parses {@code I/N}; anything else is refused with a one-line reason. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard '" + text + "': expected I/N, e.g. 1/3 (the first of three)");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
