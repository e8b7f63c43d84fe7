package org.pairbench.core.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and printing of the unit-carrying values used in spec files: durations ({@code 250ms}, {@code 5s},
 * {@code 2m}), rates ({@code 5000/s}, {@code 300/m}) and sizes ({@code 64B}, {@code 1KiB}). A bare number is
 * refused on purpose: a spec that says {@code duration: 5} is ambiguous, and ambiguity is how benchmarks lie.
 * Stateless; safe from any thread.
 */
public final class Units {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|m)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB)");

    private Units() {
    }

    /** Parses a duration such as {@code 5s}; throws {@link IllegalArgumentException} with the expected form. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 5s, 2m)");
        }
        double value = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new AssertionError(m.group(2));
        };
        return Duration.ofNanos(Math.round(value * nanosPerUnit));
    }

    /** Parses a rate such as {@code 5000/s} into requests per second. */
    public static double parseRatePerSec(String text) {
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate (examples: 5000/s, 300/m)");
        }
        double value = Double.parseDouble(m.group(1));
        double perSec = m.group(2).equals("s") ? value : value / 60.0;
        if (perSec <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be a positive rate");
        }
        return perSec;
    }

    /** Parses a size such as {@code 1KiB} into bytes. */
    public static int parseSizeBytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 64B, 1KiB, 64KiB)");
        }
        long value = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2)) {
            case "B" -> value;
            case "KiB" -> value * 1024;
            case "MiB" -> value * 1024 * 1024;
            default -> throw new AssertionError(m.group(2));
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return (int) bytes;
    }

    /** Prints a duration in the largest unit that keeps it exact: {@code 5s}, {@code 1500ms}, {@code 250us}. */
    public static String formatDuration(Duration d) {
        long ns = d.toNanos();
        if (ns != 0 && ns % 60_000_000_000L == 0) {
            return ns / 60_000_000_000L + "m";
        }
        if (ns % 1_000_000_000L == 0) {
            return ns / 1_000_000_000L + "s";
        }
        if (ns % 1_000_000L == 0) {
            return ns / 1_000_000L + "ms";
        }
        if (ns % 1_000L == 0) {
            return ns / 1_000L + "us";
        }
        return ns + "ns";
    }

    /** Prints a rate as it would be written in a spec file, {@code 2000/s} or {@code 12.5/s}. */
    public static String formatRate(double ratePerSec) {
        if (ratePerSec == Math.rint(ratePerSec)) {
            return (long) ratePerSec + "/s";
        }
        return String.format(Locale.ROOT, "%.3f", ratePerSec).replaceAll("0+$", "") + "/s";
    }
}
