package org.pairbench.core.verdict;

import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.StepResult;

/**
 * What a claim compares, read from one step of {@code summary.json} per trial. Each knows its unit, whether more
 * is better for the service, and whether it is a count (connections, sessions: compared as a difference, since
 * a ratio of counts can be 0 or infinite), and reads its value from a step ({@link #valueOf}).
 */
public enum Metric {
    /**
     * Responses per second (closed-loop steps: the throughput at that concurrency). Only {@code ok} responses
     * count (2xx of the verified length), so a service cannot look faster by answering errors quickly.
     */
    THROUGHPUT("throughput", "req/s", true, false),
    /** Corrected p50 latency. */
    P50("p50", "us", false, false),
    /** Corrected p99 latency. */
    P99("p99", "us", false, false),
    /** Corrected p99.9 latency. */
    P999("p99.9", "us", false, false),
    /** Corrected p99 latency of the step's probe stream (an instant endpoint while another one is loaded). */
    PROBE_P99("probe-p99", "us", false, false),
    /** Target CPU-seconds per request. */
    CPU_PER_REQUEST("cpu-per-request", "s", false, false),
    /** Target resident memory per open connection. */
    RSS_PER_CONNECTION("rss-per-connection", "bytes", false, false),
    /** Share of idle connections the server answered. */
    IDLE_ANSWERED_SHARE("idle-answered-share", "ratio", true, false),
    /**
     * Connections opened to the upstream per request the upstream received (both counted over the whole step,
     * warm-up included): 1 when every call opens a connection, near 0 when connections are reused.
     */
    UPSTREAM_CONNECTIONS_PER_REQUEST("upstream-connections-per-request", "connections", false, true),
    /**
     * Database sessions opened per request. The sessions are counted over the whole step, warm-up included, and
     * the requests over the measured period only, so this is an upper bound (by the warm-up's share of the step);
     * a pool made once opens none.
     */
    DB_SESSIONS_PER_REQUEST("db-sessions-per-request", "sessions", false, true),
    /*
     * In-process steps (kind: inprocess): counts the benchmark process took beside the times, each the mean over the
     * trial's pyperf worker processes of one census (python-targets/inprocess/census.py): a fixed number of
     * operations (1000; 10,000 for awaitlet-bridge's io-0) run with the instruments on.
     */
    /** OS threads the census's operations started (Python's thread start function, counted). */
    THREADS_STARTED("threads-started", "threads", false, true),
    /** asyncio event loops the census's operations created (the census's own caller loop included). */
    LOOPS_CREATED("loops-created", "loops", false, true),
    /** File descriptors open at the census's peak, over those open before it. */
    FDS_PEAK("fds-peak", "fds", false, true),
    /** File descriptors still open when the census's operations ended (before a garbage collection). */
    FDS_END("fds-end", "fds", false, true),
    /** ResourceWarnings emitted during the census, a garbage collection at its end included (unclosed loops). */
    RESOURCE_WARNINGS("resource-warnings", "warnings", false, true),
    /** Python memory (tracemalloc) held per parked green thread or task, 1000 parked. */
    BYTES_PER_PARKED_TASK("bytes-per-parked-task", "bytes", false, false),
    /** The longest an event loop was held during a census batch: a 1 ms ticker's worst lateness. */
    LOOP_LAG_MAX("loop-lag-max", "us", false, false);

    private final String key;
    private final String unit;
    private final boolean higherIsBetter;
    private final boolean count;

    Metric(String key, String unit, boolean higherIsBetter, boolean count) {
        this.key = key;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.count = count;
    }

    /** True for counts (per request): compared as candidate minus baseline, never as a ratio. */
    public boolean count() {
        return count;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * This metric's value in one step, or null when the step does not have it (no probe stream, no idle
     * connections, no upstream, target figures unreadable, nothing answered).
     */
    public Double valueOf(StepResult s) {
        return switch (this) {
            case THROUGHPUT -> s.counts() == null || s.measureSec() <= 0 ? null : s.counts().ok() / s.measureSec();
            case P50 -> latency(s.corrected(), LatencySummary::p50Us);
            case P99 -> latency(s.corrected(), LatencySummary::p99Us);
            case P999 -> latency(s.corrected(), LatencySummary::p999Us);
            case PROBE_P99 -> s.probe() == null ? null : latency(s.probe().corrected(), LatencySummary::p99Us);
            case CPU_PER_REQUEST -> s.target() == null ? null : s.target().cpuSecondsPerRequest();
            case RSS_PER_CONNECTION -> s.target() == null ? null : s.target().rssPerConnectionBytes();
            case IDLE_ANSWERED_SHARE -> s.idle() == null || s.idle().requested() == 0 ? null
                    : (double) s.idle().answered() / s.idle().requested();
            case UPSTREAM_CONNECTIONS_PER_REQUEST -> s.upstream() == null || s.upstream().requests() == 0 ? null
                    : (double) s.upstream().connections() / s.upstream().requests();
            case DB_SESSIONS_PER_REQUEST -> s.database() == null || s.counts() == null || s.counts().requests() == 0
                    ? null : (double) s.database().sessions() / s.counts().requests();
            case THREADS_STARTED -> inProcess(s, "threads_started");
            case LOOPS_CREATED -> inProcess(s, "loops_created");
            case FDS_PEAK -> inProcess(s, "census_fds_peak");
            case FDS_END -> inProcess(s, "census_fds_end");
            case RESOURCE_WARNINGS -> inProcess(s, "resource_warnings");
            case BYTES_PER_PARKED_TASK -> inProcess(s, "bytes_per_parked_task");
            case LOOP_LAG_MAX -> inProcess(s, "loop_lag_max_us");
        };
    }

    /** A count of an in-process step, or null for a service's step or when the benchmark did not take it. */
    private static Double inProcess(StepResult s, String count) {
        return s.inprocess() == null ? null : s.inprocess().counts().get(count);
    }

    private static Double latency(LatencySummary l, java.util.function.ToDoubleFunction<LatencySummary> p) {
        return l == null || l.count() == 0 ? null : p.applyAsDouble(l);
    }

    public static Metric parse(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        java.util.List<String> keys = java.util.Arrays.stream(values()).map(Metric::key).toList();
        throw new IllegalArgumentException("'" + key + "' is not a metric (known: " + String.join(", ", keys) + ")");
    }
}
