package org.pairbench.report.html;

import java.util.Locale;
import java.util.Map;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.VerdictText;

/**
 * A claim's result as one line of plain words, built from what claims.json and summary.json say, never typed per
 * claim: the metric gives the phrase ("serves 2.92x the requests of", "p99 latency is ... that of"), the two
 * variants its subject and object (their descriptions are the rows' tooltips), the step how it was measured
 * ("at 64 connections", "at 4000 requests/s with 5000 idle connections"), then the interval and the verdict:
 * "aiohttp serves 2.92x the requests of eventlet-wsgi at 64 connections [1.72, 4.96]: supported". Stateless.
 */
final class ClaimSentence {
    /** Metric keys in words, where the key alone reads badly in a sentence. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("p50", "median latency"), Map.entry("p99", "p99 latency"),
            Map.entry("p99.9", "p99.9 latency"), Map.entry("probe-p99", "heartbeat p99 latency"),
            Map.entry("cpu-per-request", "CPU time per request"),
            Map.entry("rss-per-connection", "memory per connection"),
            Map.entry("idle-answered-share", "share of idle connections answered"),
            Map.entry("upstream-connections-per-request", "upstream connections per request"),
            Map.entry("db-sessions-per-request", "database sessions per request"),
            Map.entry("threads-started", "OS threads started"), Map.entry("loops-created", "event loops created"),
            Map.entry("fds-peak", "file descriptors at the peak"), Map.entry("fds-end", "file descriptors left open"),
            Map.entry("resource-warnings", "ResourceWarnings"),
            Map.entry("bytes-per-parked-task", "memory per parked task"),
            Map.entry("loop-lag-max", "worst event-loop lag"));

    private ClaimSentence() {
    }

    /** @param workload the claim's workload in this run, or null when it was not measured */
    static String of(ClaimVerdict c, WorkloadResult workload) {
        String where = where(c, workload);
        if (c.effect() == null) {
            return c.candidate() + " against " + c.baseline() + ", " + metric(c) + " " + where + ": no data";
        }
        String interval = VerdictText.interval(c);
        return comparison(c) + " " + where + " " + interval + ": " + c.verdict();
    }

    /** The effect in words, read the way claims.json defines it (above 1: the candidate better). */
    private static String comparison(ClaimVerdict c) {
        String effect = VerdictText.effect(c, "\u00d7");
        if (c.difference()) {
            return c.candidate() + " minus " + c.baseline() + ", " + metric(c) + ": " + effect;
        }
        if (ClaimSpec.CV.equals(c.statistic())) {
            // cv(A) / cv(B): above 1, the candidate varies less from trial to trial
            return c.baseline() + "'s trial-to-trial spread of " + metric(c) + " is " + effect + " "
                    + c.candidate() + "'s";
        }
        if ("throughput".equals(c.metric())) {
            return c.candidate() + " serves " + effect + " the requests of " + c.baseline();
        }
        boolean higher = ClaimSpec.HIGHER_IS_BETTER.equals(c.direction());
        // B/A when higher is better, A/B when lower is: the better side's figure stands first in words too
        return higher ? c.candidate() + "'s " + metric(c) + " is " + effect + " " + c.baseline() + "'s"
                : c.baseline() + "'s " + metric(c) + " is " + effect + " " + c.candidate() + "'s";
    }

    private static String metric(ClaimVerdict c) {
        return WORDS.getOrDefault(c.metric(), c.metric());
    }

    /** How the step loads the service, from its measured rows; the step id when the run has none. */
    static String where(ClaimVerdict c, WorkloadResult w) {
        StepResult s = w == null ? null : w.steps().stream().filter(x -> c.step().equals(x.step())).findFirst()
                .orElse(null);
        if (s == null || s.mode() == null) {
            return "at " + c.step();
        }
        String load = switch (s.mode()) {
            case "closed" -> "at " + s.connections() + " connection" + (s.connections() == 1 ? "" : "s");
            case "open" -> s.intendedRatePerSec() == null ? "at " + c.step()
                    : String.format(Locale.ROOT, "at %.0f requests/s", s.intendedRatePerSec());
            default -> "in " + c.step();
        };
        if (s.idle() != null) {
            load += " with " + s.idle().requested() + " idle connections";
        }
        return load;
    }
}
