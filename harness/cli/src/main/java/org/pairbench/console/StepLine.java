package org.pairbench.console;

import java.util.Locale;
import org.pairbench.core.result.StepResult;

/** The one line printed when a step finishes. Stateless. */
public final class StepLine {
    private StepLine() {
    }

    /** What the step's interference figures say, when anything: disturbed, retried, or both. */
    static String interference(StepResult r) {
        var i = r.interference();
        if (i == null) {
            return "";
        }
        String retried = i.firstAttempt() == null ? "" : "  retried (first attempt DISTURBED: "
                + i.firstAttempt().disturbedReason() + ")";
        return retried + (i.disturbed() ? "  DISTURBED: " + i.disturbedReason() : "");
    }

    public static String of(String label, StepResult r) {
        if (!StepResult.OK.equals(r.status())) {
            return String.format(Locale.ROOT, "%s %-22s FAILED: %s", label, r.step(), r.error());
        }
        if (StepResult.INPROCESS.equals(r.mode())) {
            return String.format(Locale.ROOT, "%s %-22s %-18s per op: p50 %-7s mean %-7s max %-7s (%d values, %d processes)",
                    label, r.step(), Format.opsRate(r.achievedRatePerSec()) + " op/s",
                    Format.latencyMs(r.corrected().p50Us() / 1e3), Format.latencyMs(r.corrected().meanUs() / 1e3),
                    Format.latencyMs(r.corrected().maxUs() / 1e3), r.inprocess().values(),
                    r.inprocess().processes());
        }
        String rate = r.intendedRatePerSec() == null ? Format.rate(r.achievedRatePerSec()) + " req/s"
                : Format.rate(r.intendedRatePerSec()) + " -> " + Format.rate(r.achievedRatePerSec()) + " req/s";
        String line = String.format(Locale.ROOT, "%s %-22s %-18s p50 %-7s p99 %-7s (uncorrected %s)  errors %d",
                label, r.step(), rate, Format.latencyMs(r.corrected().p50Us() / 1e3),
                Format.latencyMs(r.corrected().p99Us() / 1e3), Format.latencyMs(r.uncorrected().p99Us() / 1e3),
                r.counts().errors());
        if (r.generator() != null && !r.generator().valid()) {
            line += "  INVALID: " + r.generator().invalidReason();
        }
        return line + interference(r);
    }
}
