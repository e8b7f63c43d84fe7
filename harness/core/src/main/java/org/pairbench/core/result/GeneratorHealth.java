package org.pairbench.core.result;

/**
 * Whether the load generator, not the target, limited a step (judged by {@link GeneratorCheck}). An invalid
 * step's figures are kept but flagged, and reports say why.
 *
 * @param cpuUtilization  generator process CPU time over wall time, per generator core (1.0 = one core busy)
 * @param busyUtilization the same without the time open-loop workers spent polling for a send time not yet come
 *                        (a busy wait is not work): what "the generator ran out of CPU" is judged on
 * @param lagP99Us        99th percentile of the generator lag over the measured period
 * @param lagMaxUs        largest generator lag
 * @param lagBoundUs      the generator lag p99 the step was allowed: the larger of the floor and a share of the
 *                        step's corrected p99 (null for closed loop, which has no schedule to lag behind)
 * @param valid           false when the generator limited the step
 * @param invalidReason   why, or null when valid
 */
public record GeneratorHealth(double cpuUtilization, double busyUtilization, double lagP99Us, double lagMaxUs,
                              Double lagBoundUs, boolean valid, String invalidReason) {

    /** Health as older runs recorded it (no polling time, no lag bound). */
    public GeneratorHealth(double cpuUtilization, double lagP99Us, double lagMaxUs, boolean valid,
                           String invalidReason) {
        this(cpuUtilization, cpuUtilization, lagP99Us, lagMaxUs, null, valid, invalidReason);
    }
}
