package org.pairbench.core.result;

/**
 * What the target spent during a step's measured period: CPU (user + system, its whole process tree) and memory.
 *
 * @param cpuSeconds           CPU-seconds used during the measured period
 * @param cpuSecondsPerRequest {@code cpuSeconds} over the requests completed inside the same period; null when none
 *                             was, or when the quotient is below what any service can spend on a request (then
 *                             {@code cpuPerRequestWithheld} says why)
 * @param peakRssBytes         largest resident set size sampled during the step (whole process tree)
 * @param source               where the figures come from ({@code /proc}, {@code cgroup})
 * @param baselineRssBytes     resident set size right after the trial's start, before any load; null if unknown
 * @param rssPerConnectionBytes (peak - baseline) over the step's connections (idle ones included); null if unknown
 * @param cpuPerRequestWithheld why {@code cpuSecondsPerRequest} is null although requests completed; else null
 */
public record TargetResources(double cpuSeconds, Double cpuSecondsPerRequest, long peakRssBytes, String source,
                              Long baselineRssBytes, Double rssPerConnectionBytes, String cpuPerRequestWithheld) {
    /**
     * The least CPU a service can spend answering one request over a TCP socket: one read and one write system
     * call, and on loopback the sender's write also runs the receiving side of TCP. Each costs well over 0.5 us on
     * the machines this runs on, so a quotient under 1 us means the CPU and the requests were not counted over the
     * same work (in results/reference, tcp-echo's saturated 20k/s step showed 0.08-0.25 us while the target did
     * the requests after the window closed).
     */
    public static final double MIN_PLAUSIBLE_CPU_SECONDS_PER_REQUEST = 1e-6;

    public TargetResources(double cpuSeconds, Double cpuSecondsPerRequest, long peakRssBytes, String source) {
        this(cpuSeconds, cpuSecondsPerRequest, peakRssBytes, source, null, null, null);
    }

    public TargetResources(double cpuSeconds, Double cpuSecondsPerRequest, long peakRssBytes, String source,
                           Long baselineRssBytes, Double rssPerConnectionBytes) {
        this(cpuSeconds, cpuSecondsPerRequest, peakRssBytes, source, baselineRssBytes, rssPerConnectionBytes, null);
    }

    /**
     * The target's figures over a measured period in which {@code completed} requests completed: CPU per request
     * is their quotient, withheld (null, with the reason) when no service could spend so little.
     */
    public static TargetResources measured(double cpuSeconds, long completed, long peakRssBytes, String source,
                                           Long baselineRssBytes, Double rssPerConnectionBytes) {
        Double perRequest = completed == 0 ? null : cpuSeconds / completed;
        String withheld = null;
        if (perRequest != null && perRequest < MIN_PLAUSIBLE_CPU_SECONDS_PER_REQUEST) {
            withheld = String.format(java.util.Locale.ROOT, "%.3f us of target CPU per request (%.4f CPU-s over %d "
                    + "requests) is below the 1 us any service spends on a socket read and write: the CPU and the "
                    + "completions do not describe the same work", perRequest * 1e6, cpuSeconds, completed);
            perRequest = null;
        }
        return new TargetResources(cpuSeconds, perRequest, peakRssBytes, source, baselineRssBytes,
                rssPerConnectionBytes, withheld);
    }
}
