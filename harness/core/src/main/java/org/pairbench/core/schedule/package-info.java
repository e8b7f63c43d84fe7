/**
 * The timing model of pairbench: when a request is meant to go, what delays it, which clock reads what, and what
 * is recorded. Everything that measures takes one injected {@link org.pairbench.core.schedule.NanoClock}; a step
 * gets one {@link org.pairbench.core.schedule.StepTimeline}, built once by the driver when every connection is
 * open, and handed to each worker and to the sampler.
 *
 * <h2>One open-loop request</h2>
 * <pre>
 *  intendedNs = startNs + floor(i * 1e9 / rate)        (OpenLoopSchedule, from the index: no drift, no clock)
 *      |
 *      |  generator lag: the worker's loop reaches the due request late (timer wake-up, busy loop, stalled
 *      |                 platform); recorded when the tick finds it due: GENERATOR_LAG = tickNs - intendedNs
 *      v
 *  tickNs ----+ every connection busy? the request queues, FIFO, inside the worker (no storage: a range of
 *      |      | indices). Given up at intendedNs + timeout: counted TIMEOUT, recorded CORRECTED at the timeout,
 *      |      | never UNCORRECTED (it was never on the wire)
 *      v      v
 *  sendNs         send lag: SEND_LAG = sendNs - intendedNs (generator lag + waiting for a connection)
 *      |
 *      |  the target works; the answer is read and judged by the protocol's handlers
 *      v
 *  doneNs         CORRECTED = doneNs - intendedNs   (what a user of an open system waits)
 *                 UNCORRECTED = doneNs - sendNs     (hides the queueing: coordinated omission)
 *                 timed out: doneNs = sendNs + timeout, outcome TIMEOUT; closed connection: RESET
 * </pre>
 * Closed loop has no schedule: a request's intended time is its send time, so generator lag and send lag are not
 * recorded and the two latency views coincide.
 *
 * <h2>Phases, window and counts</h2>
 * <pre>
 *  startNs            measureStartNs                       endNs
 *    |-- warm-up -------|------ measured window -------------|-- drain: in-flight and queued requests end
 *                                                                  (answer or timeout), nothing new is sent
 * </pre>
 * <ul>
 *   <li>A request's phase ({@code warmup} or {@code measure}) is chosen by its intended time (open loop: by its
 *       index, {@link org.pairbench.core.schedule.OpenLoopSchedule#isWarmup}); closed loop: by its send time. A
 *       warm-up request answered after {@code measureStartNs} stays {@code warmup}. Latencies and outcome counts
 *       are kept per phase.</li>
 *   <li>Throughput is counted by completion, not by sending: answers whose {@code doneNs} falls inside the
 *       measured window, divided by its length. Requests of the window still unsent when it closes
 *       ({@code sendNs >= endNs}, or never sent) and requests sent in it but answered (or timed out) after it are
 *       counted apart, so a service slower than the offered rate shows its own rate.</li>
 * </ul>
 *
 * <h2>Recording and sampling</h2>
 * Each worker writes only its own {@code WorkerRecorder} (package {@code org.pairbench.core.record}): per phase,
 * one HdrHistogram recorder per view ({@code corrected}, {@code uncorrected}, {@code send-lag},
 * {@code generator-lag}) and counts per outcome. Once a second, aligned on {@code startNs}, the runner's sampler
 * swaps every worker's interval histograms and keeps them packed; wall-clock interval times come from the one
 * anchor {@link org.pairbench.core.schedule.StepTimeline#epochMsAt}. The {@code .hlog} is compressed and written
 * by {@code StepRecording.finish()} when the step's load has stopped, so writing it costs the generator's core
 * nothing while it sends.
 */
package org.pairbench.core.schedule;
