package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.schedule.StepTimeline;

/** The closed-loop worker on an embedded event loop and a hand-advanced clock. */
class ClosedLoopWorkerTest {
    private static final long MS = 1_000_000L;

    private final EmbeddedWorkerRig rig = new EmbeddedWorkerRig();

    @Test
    void eachConnectionSendsAgainOnItsAnswerAndPhasesFollowTheSendTime() {
        ClosedLoopWorker w = new ClosedLoopWorker(rig.loop(), rig.connector(), rig.clock, rig.recorder,
                rig.target(Duration.ofSeconds(1)), 3);
        w.connectAll();
        rig.runDue();
        w.start(StepTimeline.closedLoop(rig.now(), 2 * MS, 4 * MS, 0));
        rig.runDue();
        assertThat(rig.sends).isEqualTo(3); // one per connection at once

        // every exchange takes 1 ms: 3 connections x 6 ms = 18 requests, 6 of them sent in the warm-up
        for (int i = 0; i < 6; i++) {
            rig.jump(MS);
            rig.answerAll();
        }
        rig.jump(MS);
        assertThat(rig.sends).isEqualTo(18);
        assertThat(rig.recorder.count(Phase.WARMUP, Outcome.OK)).isEqualTo(6);
        assertThat(rig.recorder.count(Phase.MEASURE, Outcome.OK)).isEqualTo(12);
        // no schedule: the views coincide and no lag is recorded
        assertThat(rig.taken(Phase.MEASURE, LatencyView.GENERATOR_LAG).getTotalCount()).isZero();
        assertThat(rig.taken(Phase.MEASURE, LatencyView.CORRECTED).getMaxValue())
                .isEqualTo(rig.taken(Phase.MEASURE, LatencyView.UNCORRECTED).getMaxValue());
        assertThat(w.drained()).isCompleted();
    }
}
