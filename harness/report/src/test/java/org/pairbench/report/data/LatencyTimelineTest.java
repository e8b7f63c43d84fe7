package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.report.HlogFixture;

class LatencyTimelineTest {
    @TempDir
    Path dir;

    @Test
    void warmupAndMeasuredSecondsAreKeptApartAndAStallIsAGap() throws Exception {
        Path log = dir.resolve("a.hlog");
        try (HlogFixture f = new HlogFixture(log)) {
            f.warmup(10, 20.0).warmup(10, 5.0) // seconds 0 and 1
                    .measure(99, 1.0, 1.0) // second 2
                    .emptyMeasure() // second 3: nothing answered
                    .alsoMeasure(99, 2.0, 2.0).measure(1, 300.0, 2.0); // second 4
        }

        LatencyTimeline t = LatencyTimeline.of(new StepLatencies("A").addLog(log, "trial 1"));

        assertThat(t.measureStartSec()).isCloseTo(2.0, within(1e-9));
        assertThat(t.warmup()).extracting(LatencyTimeline.Point::secondsSinceStart).containsExactly(0.0, 1.0);
        assertThat(t.warmup().get(0).p99Ms()).isCloseTo(20.0, within(0.05));
        assertThat(t.measure()).extracting(LatencyTimeline.Point::secondsSinceStart).containsExactly(2.0, 3.0, 4.0);
        assertThat(t.measure().get(1).count()).isZero();
        assertThat(t.measure().get(1).p99Ms()).isNaN();
        LatencyTimeline.Point last = t.measure().get(2);
        assertThat(last.count()).isEqualTo(100);
        assertThat(last.p50Ms()).isCloseTo(2.0, within(0.01));
        assertThat(last.maxMs()).isCloseTo(300.0, within(0.3));
    }

    @Test
    void trialsAreMergedSecondBySecond() throws Exception {
        Path t1 = dir.resolve("t1.hlog");
        Path t2 = dir.resolve("t2.hlog");
        try (HlogFixture f = new HlogFixture(t1)) {
            f.warmup(5, 1.0).measure(10, 1.0, 1.0).measure(10, 1.0, 1.0);
        }
        try (HlogFixture f = new HlogFixture(t2)) {
            f.warmup(5, 1.0).measure(30, 8.0, 1.0).measure(30, 1.0, 1.0);
        }

        LatencyTimeline t = LatencyTimeline.of(new StepLatencies("A").addLog(t1, "trial 1").addLog(t2, "trial 2"));

        assertThat(t.warmup()).extracting(LatencyTimeline.Point::count).containsExactly(10L);
        assertThat(t.measure()).extracting(LatencyTimeline.Point::count).containsExactly(40L, 40L);
        assertThat(t.measure().get(0).p99Ms()).isCloseTo(8.0, within(0.01));
        assertThat(t.isEmpty()).isFalse();
    }
}
