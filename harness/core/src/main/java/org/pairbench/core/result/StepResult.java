package org.pairbench.core.result;

/**
 * The figures of one step of one trial of one variant; one entry of {@code summary.json}'s {@code steps}.
 *
 * @param variant            variant name
 * @param trial              1-based trial number
 * @param step               step id ({@code hello-open-2000rps})
 * @param mode               {@code open} or {@code closed}
 * @param request            name of the request sent
 * @param connections        connections opened
 * @param intendedRatePerSec the open-loop rate asked for; null for closed loop
 * @param achievedRatePerSec responses (any status) per second over the measured period
 * @param measureSec         length of the measured period
 * @param counts             requests by outcome
 * @param corrected          latency from intended send time
 * @param uncorrected        latency from actual send
 * @param sendLag            actual send minus intended send
 * @param generator          the generator's health
 * @param target             the target's resource use, null when it could not be read
 * @param hlog               the interval log, relative to the results directory
 * @param status             {@code ok}, or {@code failed} when the step did not complete
 * @param error              why it failed, or null
 */
public record StepResult(String variant, int trial, String step, String mode, String request, int connections,
                         Double intendedRatePerSec, double achievedRatePerSec, double measureSec,
                         OutcomeCounts counts, LatencySummary corrected, LatencySummary uncorrected,
                         LatencySummary sendLag, GeneratorHealth generator, TargetResources target, String hlog,
                         String status, String error) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
}
