package org.pairbench.core.verdict;

/**
 * What a claim compares, read from one step of {@code summary.json} per trial. Each knows its unit and whether
 * more is better for the service.
 */
public enum Metric {
    /** Responses per second (closed-loop steps: the throughput at that concurrency). */
    THROUGHPUT("throughput", "req/s", true),
    /** Corrected p50 latency. */
    P50("p50", "us", false),
    /** Corrected p99 latency. */
    P99("p99", "us", false),
    /** Corrected p99.9 latency. */
    P999("p99.9", "us", false),
    /** Corrected p99 latency of the step's probe stream (an instant endpoint while another one is loaded). */
    PROBE_P99("probe-p99", "us", false),
    /** Target CPU-seconds per request. */
    CPU_PER_REQUEST("cpu-per-request", "s", false),
    /** Target resident memory per open connection. */
    RSS_PER_CONNECTION("rss-per-connection", "bytes", false),
    /** Share of idle connections the server answered. */
    IDLE_ANSWERED_SHARE("idle-answered-share", "ratio", true),
    /** Connections opened to the upstream per request. */
    UPSTREAM_CONNECTIONS_PER_REQUEST("upstream-connections-per-request", "connections", false),
    /** Database sessions opened per request. */
    DB_SESSIONS_PER_REQUEST("db-sessions-per-request", "sessions", false);

    private final String key;
    private final String unit;
    private final boolean higherIsBetter;

    Metric(String key, String unit, boolean higherIsBetter) {
        this.key = key;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
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

    public static Metric parse(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a metric");
    }
}
