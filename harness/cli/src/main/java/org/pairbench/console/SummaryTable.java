package org.pairbench.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.RunInterference;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.WorkloadResult;

/**
 * The table printed at the end of a run: per workload, one row per variant, trial and step with the rates, the
 * corrected percentiles (and the uncorrected p99 beside them), errors, the target's cost, and whether the step is
 * valid or was disturbed by other work on its CPUs; then how quiet the machine was over the run. Stateless.
 */
public final class SummaryTable {
    private static final String[] HEADER = {"variant", "t", "step", "req/s", "p50", "p90", "p99", "p99.9", "max",
        "p99 uncorr.", "errors", "cpu ms/1k", "rss MiB", "note"};

    private SummaryTable() {
    }

    public static String render(RunSummary summary) {
        StringBuilder sb = new StringBuilder();
        for (WorkloadResult w : summary.workloads()) {
            sb.append("\n").append(w.workload()).append(" (").append(w.profile()).append(")");
            if (ParityResult.FAILED.equals(w.parity().status())) {
                sb.append(": NOT MEASURED, parity failed: ").append(w.parity().error()).append('\n');
                continue;
            }
            boolean inProcess = !w.steps().isEmpty()
                    && w.steps().stream().allMatch(s -> StepResult.INPROCESS.equals(s.mode()));
            sb.append(inProcess ? "  in-process: time per operation over every pyperf value; req/s is operations/s\n"
                    : "  latency from intended send time (corrected) unless marked\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (StepResult s : w.steps()) {
                rows.add(row(s));
            }
            sb.append(table(rows));
            for (VariantFailure f : w.failures()) {
                sb.append("  FAILED ").append(f.variant()).append(f.trial() > 0 ? " trial " + f.trial() : "")
                        .append(": ").append(f.reason()).append('\n');
            }
        }
        return sb.append(quietness(RunInterference.of(summary))).toString();
    }

    /**
     * How quiet the machine was: what else ran on the generator's and the target's CPUs over the measured windows,
     * and the steps it disturbed beyond the bound; "" when no step has figures (not Linux, in-process only).
     */
    static String quietness(RunInterference i) {
        return i.steps() == 0 ? "" : System.lineSeparator() + i.sentence() + System.lineSeparator();
    }

    private static String[] row(StepResult s) {
        String rate = s.intendedRatePerSec() == null ? Format.rate(s.achievedRatePerSec())
                : Format.rate(s.achievedRatePerSec()) + "/" + Format.rate(s.intendedRatePerSec());
        String note = !StepResult.OK.equals(s.status()) ? "FAILED: " + s.error()
                : s.generator() != null && !s.generator().valid() ? "INVALID (generator)" : "";
        if (s.target() != null && s.target().cpuPerRequestWithheld() != null) {
            note = join(note, "cpu/request withheld (under 1 us: see summary.json)");
        }
        note = join(note, disturbance(s));
        String cpu = s.target() == null || s.target().cpuSecondsPerRequest() == null ? "-"
                : String.format(Locale.ROOT, "%.1f", s.target().cpuSecondsPerRequest() * 1e6);
        String rss = s.target() == null ? "-"
                : String.format(Locale.ROOT, "%.0f", s.target().peakRssBytes() / 1048576.0);
        return new String[] {s.variant(), String.valueOf(s.trial()), s.step(), rate, ms(s.corrected().p50Us()),
            ms(s.corrected().p90Us()), ms(s.corrected().p99Us()), ms(s.corrected().p999Us()),
            ms(s.corrected().maxUs()), ms(s.uncorrected().p99Us()), String.valueOf(s.counts().errors()), cpu, rss,
            note};
    }

    /**
     * "disturbed" (other work on the step's CPUs beyond the bound), "retried", or both; "" for a quiet step. An
     * in-process case says "program": the figures, and the retry, are of its whole benchmark program's run.
     */
    private static String disturbance(StepResult s) {
        if (s.interference() == null) {
            return "";
        }
        String whose = s.interference().program() != null ? "program " : "";
        String retried = s.interference().firstAttempt() != null ? whose + "retried (1st disturbed)" : "";
        return join(retried, s.interference().disturbed() ? whose + "DISTURBED" : "");
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static String ms(double us) {
        return Format.latencyMs(us / 1e3);
    }

    private static String table(List<String[]> rows) {
        // the first three columns (variant, trial, step) and the note read left to right; figures align right
        return TextTable.render(rows, i -> i > 2 && i < HEADER.length - 1);
    }
}
