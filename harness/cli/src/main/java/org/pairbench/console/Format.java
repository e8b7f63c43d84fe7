package org.pairbench.console;

import java.util.Locale;

/** Number formatting for the terminal: about three significant figures and a unit that fits. Stateless. */
public final class Format {
    private Format() {
    }

    /** {@code 0.0123} ms → {@code 12.3us}; {@code 1234} ms → {@code 1.23s}. */
    public static String latencyMs(double ms) {
        if (ms < 1) {
            return threeFigures(ms * 1000) + "us";
        }
        if (ms < 1000) {
            return threeFigures(ms) + "ms";
        }
        return threeFigures(ms / 1000) + "s";
    }

    /** {@code 12345.6} → {@code 12.3k}. */
    public static String rate(double perSec) {
        return perSec >= 1000 ? threeFigures(perSec / 1000) + "k" : String.format(Locale.ROOT, "%.0f", perSec);
    }

    /** An in-process step's operations per second: as {@link #rate}, with two decimals below 10/s. */
    public static String opsRate(double perSec) {
        return perSec >= 10 ? rate(perSec) : String.format(Locale.ROOT, "%.2f", perSec);
    }

    private static String threeFigures(double v) {
        String pattern = v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
