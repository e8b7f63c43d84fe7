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
 * @param achievedRatePerSec responses (any status) completed inside the measured window, per second of it
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
 * @param probe              the probe stream's figures, or null when the step had none
 * @param idle               the idle connections opened before the load, or null when none were asked for
 * @param upstream           what the in-harness upstream server received during the step, or null
 * @param database           what the workload's database server saw during the step, or null
 * @param inprocess          an in-process step's pyperf figures and counts, or null for a service's step
 * @param window             how the step's requests stand against its measured window, or null when not counted
 * @param interference       what else ran on the generator's and the target's CPUs during the measured period (an
 *                           in-process step: its trial's program run), or null where it could not be read
 */
public record StepResult(String variant, int trial, String step, String mode, String request, int connections,
                         Double intendedRatePerSec, double achievedRatePerSec, double measureSec,
                         OutcomeCounts counts, LatencySummary corrected, LatencySummary uncorrected,
                         LatencySummary sendLag, GeneratorHealth generator, TargetResources target, String hlog,
                         String status, String error, ProbeResult probe, IdleConnections idle,
                         UpstreamCounts upstream, DatabaseCounts database, InProcessFigures inprocess,
                         Window window, Interference interference) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    /** The {@code mode} of an in-process step. */
    public static final String INPROCESS = "inprocess";

    /** A step without interference figures. */
    public StepResult(String variant, int trial, String step, String mode, String request, int connections,
                      Double intendedRatePerSec, double achievedRatePerSec, double measureSec, OutcomeCounts counts,
                      LatencySummary corrected, LatencySummary uncorrected, LatencySummary sendLag,
                      GeneratorHealth generator, TargetResources target, String hlog, String status, String error,
                      ProbeResult probe, IdleConnections idle, UpstreamCounts upstream, DatabaseCounts database,
                      InProcessFigures inprocess, Window window) {
        this(variant, trial, step, mode, request, connections, intendedRatePerSec, achievedRatePerSec, measureSec,
                counts, corrected, uncorrected, sendLag, generator, target, hlog, status, error, probe, idle, upstream,
                database, inprocess, window, null);
    }

    /** This step with other interference figures (a retry's, which keep the first attempt's). */
    public StepResult withInterference(Interference figures) {
        return new StepResult(variant, trial, step, mode, request, connections, intendedRatePerSec,
                achievedRatePerSec, measureSec, counts, corrected, uncorrected, sendLag, generator, target, hlog,
                status, error, probe, idle, upstream, database, inprocess, window, figures);
    }

    /** Whether the step was disturbed beyond the bound by other work on its CPUs (after its retry, if any). */
    public boolean disturbed() {
        return interference != null && interference.disturbed();
    }

    /** A service's step (no in-process figures). */
    public StepResult(String variant, int trial, String step, String mode, String request, int connections,
                      Double intendedRatePerSec, double achievedRatePerSec, double measureSec, OutcomeCounts counts,
                      LatencySummary corrected, LatencySummary uncorrected, LatencySummary sendLag,
                      GeneratorHealth generator, TargetResources target, String hlog, String status, String error,
                      ProbeResult probe, IdleConnections idle, UpstreamCounts upstream, DatabaseCounts database) {
        this(variant, trial, step, mode, request, connections, intendedRatePerSec, achievedRatePerSec, measureSec,
                counts, corrected, uncorrected, sendLag, generator, target, hlog, status, error, probe, idle, upstream,
                database, null, null, null);
    }

    /** A step not counted against its window (in-process steps, older runs, tests). */
    public StepResult(String variant, int trial, String step, String mode, String request, int connections,
                      Double intendedRatePerSec, double achievedRatePerSec, double measureSec, OutcomeCounts counts,
                      LatencySummary corrected, LatencySummary uncorrected, LatencySummary sendLag,
                      GeneratorHealth generator, TargetResources target, String hlog, String status, String error,
                      ProbeResult probe, IdleConnections idle, UpstreamCounts upstream, DatabaseCounts database,
                      InProcessFigures inprocess) {
        this(variant, trial, step, mode, request, connections, intendedRatePerSec, achievedRatePerSec, measureSec,
                counts, corrected, uncorrected, sendLag, generator, target, hlog, status, error, probe, idle, upstream,
                database, inprocess, null, null);
    }

    /** A step without probe, idle connections or upstream. */
    public StepResult(String variant, int trial, String step, String mode, String request, int connections,
                      Double intendedRatePerSec, double achievedRatePerSec, double measureSec, OutcomeCounts counts,
                      LatencySummary corrected, LatencySummary uncorrected, LatencySummary sendLag,
                      GeneratorHealth generator, TargetResources target, String hlog, String status, String error) {
        this(variant, trial, step, mode, request, connections, intendedRatePerSec, achievedRatePerSec, measureSec,
                counts, corrected, uncorrected, sendLag, generator, target, hlog, status, error, null, null, null,
                null, null, null, null);
    }

    /**
     * Where the step's requests stood when its measured window closed: throughput counts completions, so a
     * service slower than the offered rate shows its own rate and the rest is counted here, not hidden.
     *
     * @param completed       answers (any status) completed inside the window, whatever their phase
     * @param inFlightAtClose requests sent before the window closed and answered, timed out or reset after it
     * @param unsentAtClose   requests intended before the window closed and sent, or given up, after it
     */
    public record Window(long completed, long inFlightAtClose, long unsentAtClose) {
    }

    /**
     * The probe stream of a step: a light open-loop stream on its own connection, measured apart.
     *
     * @param request    what it sent
     * @param ratePerSec its rate
     * @param counts     its requests by outcome over the measured period
     * @param corrected  its latency from intended send time
     * @param uncorrected its latency from actual send
     * @param hlog       its interval log, relative to the results directory
     */
    public record ProbeResult(String request, double ratePerSec, OutcomeCounts counts, LatencySummary corrected,
                              LatencySummary uncorrected, String hlog) {
    }

    /**
     * Idle keep-alive connections opened before the load and kept open through it. Each was opened, then sent
     * one request; a connection the server accepted but never answered within the timeout counts as opened but
     * not answered.
     *
     * @param requested connections asked for
     * @param opened    TCP connections established
     * @param answered  connections whose request was answered: the share of connections the server serves
     * @param stillOpen answered connections still open when the step ended
     */
    public record IdleConnections(int requested, int opened, int answered, int stillOpen) {
    }

    /**
     * What the in-harness upstream server received during the step (warm-up and measurement).
     *
     * @param connections connections the variant opened to it
     * @param requests    requests it received
     */
    public record UpstreamCounts(long connections, long requests) {
    }

    /**
     * What the workload's database server saw during the step (warm-up and measurement).
     *
     * @param sessions server sessions (connections) opened: a pool made once opens none; a pool made per request
     *                 opens its size every time
     */
    public record DatabaseCounts(long sessions) {
    }
}
