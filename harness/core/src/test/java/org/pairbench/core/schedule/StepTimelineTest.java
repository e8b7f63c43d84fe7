package org.pairbench.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.core.record.Phase;
import org.pairbench.core.spec.StepSpec;

class StepTimelineTest {
    private static final long MS = 1_000_000L;

    @Test
    void oneTimelineHoldsThePhaseEdgesTheAnchorAndTheSchedule() {
        StepSpec.OpenLoop step = new StepSpec.OpenLoop("r", 1000, 4, Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        StepTimeline t = StepTimeline.of(step, 5 * MS, 1_000_000);
        assertThat(t.measureStartNs()).isEqualTo(205 * MS);
        assertThat(t.endNs()).isEqualTo(1205 * MS);
        assertThat(t.phaseOf(204 * MS)).isEqualTo(Phase.WARMUP);
        assertThat(t.phaseOf(205 * MS)).isEqualTo(Phase.MEASURE);
        assertThat(t.inMeasuredWindow(1205 * MS)).isFalse();
        assertThat(t.epochMsAt(1205 * MS)).isEqualTo(1_001_200);
        // the schedule's phase split agrees with the timeline's
        assertThat(t.schedule().warmupCount()).isEqualTo(200);
        assertThat(t.schedule().intendedStartNs(200)).isEqualTo(t.measureStartNs());
    }

    @Test
    void aClosedLoopStepHasNoScheduleAndMayBeAllWarmUp() {
        // a trial's warm-up: a closed loop with a warm-up and no measured period
        StepTimeline t = StepTimeline.of(new StepSpec.ClosedLoop("r", 4, Duration.ofMillis(500), Duration.ZERO,
                Duration.ofSeconds(1)), 0, 0);
        assertThat(t.isOpenLoop()).isFalse();
        assertThat(t.measureNs()).isZero();
        assertThatThrownBy(t::schedule).isInstanceOf(IllegalStateException.class);
    }
}
