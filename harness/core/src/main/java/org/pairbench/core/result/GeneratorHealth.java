package org.pairbench.core.result;

/**
 * Whether the load generator, not the target, limited a step. A step is invalid when the generator's own lag
 * (how late its loop got to due requests) or its CPU use passed the bounds; its figures are then kept but flagged,
 * and reports say why.
 *
 * @param cpuUtilization generator process CPU time over wall time, per generator core (1.0 = one core busy)
 * @param lagP99Us       99th percentile of the generator lag over the measured period
 * @param lagMaxUs       largest generator lag
 * @param valid          false when the generator fell behind
 * @param invalidReason  why, or null when valid
 */
public record GeneratorHealth(double cpuUtilization, double lagP99Us, double lagMaxUs, boolean valid,
                              String invalidReason) {
}
