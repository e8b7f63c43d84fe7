package org.pairbench.targets;

/**
 * A reading of a target's resource use.
 *
 * @param cpuNanos cumulative user + system CPU time of the process tree, nanoseconds
 * @param rssBytes resident set size of the process tree now
 */
public record ResourceSample(long cpuNanos, long rssBytes) {
    public static final ResourceSample UNAVAILABLE = new ResourceSample(-1, -1);
}
