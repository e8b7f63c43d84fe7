package org.pairbench.core.result;

/**
 * What the target spent during a step's measured period: CPU (user + system, its whole process tree) and memory.
 *
 * @param cpuSeconds           CPU-seconds used during the measured period
 * @param cpuSecondsPerRequest {@code cpuSeconds} over requests answered (null when none was)
 * @param peakRssBytes         largest resident set size sampled during the step (whole process tree)
 * @param source               where the figures come from ({@code /proc}, {@code cgroup})
 * @param baselineRssBytes     resident set size right after the trial's start, before any load; null if unknown
 * @param rssPerConnectionBytes (peak - baseline) over the step's connections (idle ones included); null if unknown
 */
public record TargetResources(double cpuSeconds, Double cpuSecondsPerRequest, long peakRssBytes, String source,
                              Long baselineRssBytes, Double rssPerConnectionBytes) {
    public TargetResources(double cpuSeconds, Double cpuSecondsPerRequest, long peakRssBytes, String source) {
        this(cpuSeconds, cpuSecondsPerRequest, peakRssBytes, source, null, null);
    }
}
