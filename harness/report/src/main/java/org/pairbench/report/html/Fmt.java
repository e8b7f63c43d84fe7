package org.pairbench.report.html;

import java.util.Locale;

/** Number formatting for the page, always in {@link Locale#ROOT} so a report reads the same everywhere. Stateless. */
public final class Fmt {
    public static final String NONE = "\u2014";

    private Fmt() {
    }

    /**
     * A latency given in microseconds, as milliseconds with about three significant digits: {@code 0.085},
     * {@code 1.23}, {@code 45.6}, {@code 1234}.
     */
    public static String msFromUs(double us) {
        return ms(us / 1000.0);
    }

    public static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return NONE;
        }
        double a = Math.abs(ms);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, ms);
    }

    /** A rate in requests per second; null (closed loop) becomes a dash. */
    public static String rate(Double perSec) {
        if (perSec == null || perSec.isNaN()) {
            return NONE;
        }
        return String.format(Locale.ROOT, perSec >= 100 ? "%,.0f" : "%.1f", perSec);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** CPU-seconds per request as CPU-milliseconds per thousand requests. */
    public static String cpuMsPer1k(Double cpuSecondsPerRequest) {
        if (cpuSecondsPerRequest == null || cpuSecondsPerRequest.isNaN()) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.1f", cpuSecondsPerRequest * 1_000_000);
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    public static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    }

    public static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** A string, or a dash when it is null or blank. */
    public static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
