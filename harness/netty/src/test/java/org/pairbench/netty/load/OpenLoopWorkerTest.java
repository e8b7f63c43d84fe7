package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder.WindowCount;
import org.pairbench.core.schedule.StepTimeline;
import org.pairbench.core.spec.StepSpec;

/**
 * The open-loop worker on an embedded event loop and a hand-advanced clock: intended times, generator lag, the
 * queue for a free connection and requests given up unsent, all asserted as counts and exact nanoseconds.
 */
class OpenLoopWorkerTest {
    private static final long MS = 1_000_000L;

    private final EmbeddedWorkerRig rig = new EmbeddedWorkerRig();

    /** 1000 req/s: request i is intended at start + i ms. */
    private OpenLoopWorker start(int connections, long warmupMs, long durationMs, long timeoutMs) {
        Duration timeout = Duration.ofMillis(timeoutMs);
        OpenLoopWorker w = new OpenLoopWorker(rig.loop(), rig.connector(), rig.clock, rig.recorder,
                rig.target(timeout), connections, 0, 1, 0);
        w.connectAll();
        rig.runDue();
        StepSpec step = new StepSpec.OpenLoop("r", 1000, connections, Duration.ofMillis(warmupMs),
                Duration.ofMillis(durationMs), timeout);
        w.start(StepTimeline.of(step, rig.now(), 0));
        rig.runDue();
        return w;
    }

    @Test
    void onTimeEveryRequestIsSentAtItsIntendedTimeAndPhasedByIt() {
        OpenLoopWorker w = start(2, 5, 10, 1000);
        for (int i = 0; i < 20; i++) {
            rig.answerAll();
            rig.jump(MS);
        }
        rig.answerAll();
        rig.jump(20 * MS); // past the end: the worker ends and drains

        assertThat(rig.sends).isEqualTo(15);
        assertThat(rig.recorder.count(Phase.WARMUP, Outcome.OK)).isEqualTo(5);
        assertThat(rig.recorder.count(Phase.MEASURE, Outcome.OK)).isEqualTo(10);
        Histogram lag = rig.taken(Phase.MEASURE, LatencyView.GENERATOR_LAG);
        assertThat(lag.getTotalCount()).isEqualTo(10);
        assertThat(lag.getMaxValue()).isZero();
        assertThat(rig.taken(Phase.MEASURE, LatencyView.SEND_LAG).getMaxValue()).isZero();
        assertThat(rig.taken(Phase.MEASURE, LatencyView.CORRECTED).getMaxValue()).isZero();
        assertThat(w.drained()).isCompleted();
    }

    @Test
    void aLateLoopRecordsEachDueRequestsLagFromItsIntendedTime() {
        start(8, 0, 10, 1000);
        rig.answerAll(); // request 0, sent at start
        rig.jump(4 * MS); // the loop wakes 4 ms late: requests 1..4 are all due now

        Histogram lag = rig.taken(Phase.MEASURE, LatencyView.GENERATOR_LAG);
        assertThat(lag.getTotalCount()).isEqualTo(5);
        assertThat(lag.getMaxValue()).isEqualTo(lag.highestEquivalentValue(3 * MS)); // request 1, intended at 1 ms
        assertThat(lag.getMinValue()).isZero(); // request 0 and request 4 were on time
        assertThat(lag.getValueAtPercentile(50)).isEqualTo(lag.highestEquivalentValue(MS));
        assertThat(rig.inFlight).hasSize(4);
        // with connections free the send lag is the generator lag itself
        assertThat(rig.taken(Phase.MEASURE, LatencyView.SEND_LAG).getMaxValue())
                .isEqualTo(lag.highestEquivalentValue(3 * MS));
    }

    @Test
    void requestsDueWithEveryConnectionBusyQueueAndTheirWaitIsSendLag() {
        start(1, 0, 10, 1000);
        rig.advance(3 * MS, MS); // requests 1, 2, 3 are due, request 0 is still in flight
        assertThat(rig.sends).isEqualTo(1);
        Histogram genLag = rig.taken(Phase.MEASURE, LatencyView.GENERATOR_LAG);
        assertThat(genLag.getTotalCount()).isEqualTo(4); // every due request: the loop reached each on time
        assertThat(genLag.getMaxValue()).isZero();

        rig.answerOldest(Outcome.OK); // at 3 ms: request 1 (intended 1 ms) goes out on the freed connection
        assertThat(rig.sends).isEqualTo(2);
        rig.answerOldest(Outcome.OK);
        rig.answerOldest(Outcome.OK);
        assertThat(rig.sends).isEqualTo(4);
        Histogram sendLag = rig.taken(Phase.MEASURE, LatencyView.SEND_LAG);
        assertThat(sendLag.getTotalCount()).isEqualTo(4);
        assertThat(sendLag.getMaxValue()).isEqualTo(sendLag.highestEquivalentValue(2 * MS)); // request 1
        // the corrected view keeps the queueing, the uncorrected one hides it
        Histogram corrected = rig.taken(Phase.MEASURE, LatencyView.CORRECTED);
        Histogram uncorrected = rig.taken(Phase.MEASURE, LatencyView.UNCORRECTED);
        assertThat(corrected.getMaxValue()).isEqualTo(corrected.highestEquivalentValue(3 * MS)); // request 0
        assertThat(uncorrected.getMaxValue()).isEqualTo(uncorrected.highestEquivalentValue(3 * MS));
        assertThat(uncorrected.getMinValue()).isZero(); // requests 1..3: answered the moment they were sent
    }

    @Test
    void requestsThatNeverFindAConnectionAreGivenUpAtTheirTimeoutAndCounted() {
        OpenLoopWorker w = start(1, 0, 10, 20);
        rig.advance(60 * MS, MS); // nothing is ever answered

        // 10 requests. Request 0 times out on the wire at 20 ms; its connection is replaced and request 1
        // (intended at 1 ms, still within its timeout) goes out on the new one and times out too. Requests 2..9
        // are given up unsent by the timeout scans, at or after 20 ms past their intended times.
        assertThat(rig.sends).isEqualTo(2);
        assertThat(rig.recorder.count(Phase.MEASURE, Outcome.TIMEOUT)).isEqualTo(10);
        assertThat(rig.taken(Phase.MEASURE, LatencyView.CORRECTED).getTotalCount()).isEqualTo(10);
        assertThat(rig.taken(Phase.MEASURE, LatencyView.UNCORRECTED).getTotalCount()).isEqualTo(2);
        assertThat(w.drained()).isCompleted();
    }

    @Test
    void aServiceSlowerThanTheOfferedRateShowsItsOwnRateAndTheRestIsCountedAtClose() {
        // 1000 req/s offered for 100 ms over 10 connections; the service answers one request every 10 ms (100/s)
        OpenLoopWorker w = start(10, 0, 100, 1000);
        for (int ms = 1; !w.drained().isDone() && ms < 2000; ms++) {
            rig.jump(MS);
            if (ms % 10 == 0 && !rig.inFlight.isEmpty()) {
                rig.answerOldest(Outcome.OK);
            }
        }
        assertThat(w.drained()).isCompleted();

        // answers at 10, 20 ... 90 ms fall in the window [0, 100 ms): the service's own rate, not the offered one
        assertThat(rig.recorder.windowCount(WindowCount.COMPLETED_IN_WINDOW)).isEqualTo(9);
        // 10 first sends + 9 on freed connections went out before the close; 9 were answered inside it
        assertThat(rig.recorder.windowCount(WindowCount.IN_FLIGHT_AT_CLOSE)).isEqualTo(10);
        // the other 81 of the 100 intended requests were still queued in the generator when the window closed
        assertThat(rig.recorder.windowCount(WindowCount.UNSENT_AT_CLOSE)).isEqualTo(81);
        long all = 0;
        for (Outcome o : Outcome.values()) {
            all += rig.recorder.count(Phase.MEASURE, o);
        }
        assertThat(all).isEqualTo(100); // and every request still has exactly one outcome
    }
}
