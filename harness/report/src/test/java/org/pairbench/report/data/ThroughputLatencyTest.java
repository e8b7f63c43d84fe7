package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.StepResult;

class ThroughputLatencyTest {

    static StepResult closed(String variant, int trial, int connections, double rate, double p99Us, boolean valid,
                             String status) {
        LatencySummary l = new LatencySummary(1000, p99Us / 2, p99Us / 2, p99Us / 1.5, p99Us, p99Us * 2, p99Us * 3);
        return new StepResult(variant, trial, "hello-closed-" + connections + "c", "closed", "hello", connections,
                null, rate, 10, new OutcomeCounts(1000, 0, 0, 0, 0, 0), l, l, l,
                new GeneratorHealth(0.2, 10, 20, valid, valid ? null : "lag"), null, null, status, null);
    }

    @Test
    void mediansFollowTheLoadAndLeaveOutInvalidAndFailedTrials() {
        List<StepResult> steps = new ArrayList<>();
        // Run order is not load order: 16 connections ran first.
        for (int c : new int[] {16, 1, 4}) {
            for (int trial = 1; trial <= 3; trial++) {
                steps.add(closed("A", trial, c, 100.0 * c + trial, 1000.0 * c + trial, true, StepResult.OK));
                steps.add(closed("B", trial, c, 90.0 * c, 2000.0 * c, !(c == 4 && trial == 2), StepResult.OK));
            }
        }
        steps.add(closed("B", 4, 4, 1, 1, true, StepResult.FAILED));
        steps.add(new StepResult("A", 1, "hello-open-500rps", "open", "hello", 8, 500.0, 499, 10,
                new OutcomeCounts(5000, 0, 0, 0, 0, 0), summary(800), summary(700), summary(0), null, null, null,
                StepResult.OK, null));

        List<ThroughputLatency> groups = ThroughputLatency.of(List.of("B", "A"), steps);

        assertThat(groups).extracting(ThroughputLatency::mode).containsExactly("closed", "open");
        ThroughputLatency closed = groups.get(0);
        assertThat(closed.series()).extracting(ThroughputLatency.Series::variant).containsExactly("B", "A");
        ThroughputLatency.Series a = closed.series().get(1);
        assertThat(a.medians()).extracting(ThroughputLatency.Point::label).containsExactly("1 conn", "4 conn", "16 conn");
        assertThat(a.medians().get(1).achievedRatePerSec()).isEqualTo(402.0);
        assertThat(a.medians().get(1).p99Ms()).isEqualTo(4.002);
        ThroughputLatency.Series b = closed.series().get(0);
        assertThat(b.trials()).hasSize(9).filteredOn(p -> !p.valid()).singleElement()
                .extracting(ThroughputLatency.Point::trial).isEqualTo(2);
        assertThat(b.medians()).hasSize(3);
        assertThat(groups.get(1).series()).singleElement().satisfies(s -> {
            assertThat(s.medians()).singleElement().extracting(ThroughputLatency.Point::label).isEqualTo("500/s");
        });
    }

    @Test
    void stepsWithoutLatencyAreLeftOut() {
        StepResult empty = new StepResult("A", 1, "s", "closed", "hello", 1, null, 0, 10,
                new OutcomeCounts(0, 0, 0, 0, 0, 0), summary(0), summary(0), summary(0), null, null, null,
                StepResult.OK, null);

        assertThat(ThroughputLatency.of(List.of("A"), List.of(empty))).isEmpty();
    }

    private static LatencySummary summary(double p99Us) {
        return new LatencySummary(p99Us > 0 ? 100 : 0, p99Us, p99Us, p99Us, p99Us, p99Us, p99Us);
    }
}
