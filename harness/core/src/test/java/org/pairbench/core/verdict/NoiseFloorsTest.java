package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.verdict.NoiseFloors.NoiseFloor;

/** A/A noise: measured from the .aa twin, and chosen for a comparison from the nearest series. */
class NoiseFloorsTest {
    @Test
    void theNoiseIsHowFarTheTwinsIntervalStraysFromOne() {
        var run = new Runs().variant("a").throughput("a", 100, 100, 100)
                .throughput("a" + LoadProfile.AA_SUFFIX, 95, 95, 95).summary();
        List<NoiseFloor> floors = NoiseFloors.measure(run, List.of(Metric.THROUGHPUT));
        assertThat(floors).hasSize(1);
        NoiseFloor f = floors.get(0);
        assertThat(f.variant()).isEqualTo("a");
        assertThat(f.step()).isEqualTo(Runs.STEP);
        assertThat(f.trials()).isEqualTo(3);
        // 95/100 either way: 1/0.95 - 1
        assertThat(f.noisePct()).isEqualTo(5.26);
    }

    @Test
    void selectionPrefersTheSameStepThenTheWorkloadThenTheRun() {
        NoiseFloor sameStep = new NoiseFloor("w", "a", "p99", "s1", 3, 3);
        NoiseFloor otherStep = new NoiseFloor("w", "a", "p99", "s2", 8, 3);
        NoiseFloor otherWorkload = new NoiseFloor("x", "a", "p99", "s1", 20, 3);
        NoiseFloor otherMetric = new NoiseFloor("w", "a", "throughput", "s1", 50, 3);
        List<NoiseFloor> all = List.of(sameStep, otherStep, otherWorkload, otherMetric);
        assertThat(NoiseFloors.select(all, "w", "s1", "p99").floor()).isEqualTo(sameStep);
        assertThat(NoiseFloors.select(all, "w", "s3", "p99").floor()).isEqualTo(otherStep);
        NoiseFloors.Selected elsewhere = NoiseFloors.select(all, "y", "s1", "p99");
        assertThat(elsewhere.floor()).isEqualTo(otherWorkload);
        assertThat(elsewhere.source()).contains("no A/A series in y");
        assertThat(NoiseFloors.select(all, "w", "s1", "cpu-per-request")).isNull();
    }
}
