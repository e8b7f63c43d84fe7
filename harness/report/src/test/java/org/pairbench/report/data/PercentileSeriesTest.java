package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.record.LatencyView;
import org.pairbench.report.HlogFixture;

class PercentileSeriesTest {
    @TempDir
    Path dir;

    @Test
    void correctedSeriesHoldsTheKnownP99AndUncorrectedHidesTheStall() throws Exception {
        Path log = dir.resolve("a.hlog");
        try (HlogFixture f = new HlogFixture(log)) {
            // 1000 measured requests: 980 fast, 20 that waited 50 ms to be sent (a stall the uncorrected view hides)
            f.measure(980, 1.0, 1.0).measure(20, 50.0, 1.0);
        }
        StepLatencies latencies = new StepLatencies("A").addLog(log, "trial 1");

        PercentileSeries corrected =
                PercentileSeries.of("A", LatencyView.CORRECTED, latencies.measured(LatencyView.CORRECTED)).orElseThrow();
        PercentileSeries uncorrected =
                PercentileSeries.of("A", LatencyView.UNCORRECTED, latencies.measured(LatencyView.UNCORRECTED))
                        .orElseThrow();

        assertThat(corrected.count()).isEqualTo(1000);
        assertThat(corrected.at(50).orElseThrow().latencyMs()).isCloseTo(1.0, within(0.01));
        assertThat(corrected.at(99).orElseThrow().latencyMs()).isCloseTo(50.0, within(0.05));
        assertThat(corrected.at(99).orElseThrow().x()).isCloseTo(100.0, within(1e-6));
        assertThat(uncorrected.at(99).orElseThrow().latencyMs()).isCloseTo(1.0, within(0.01));
        assertThat(corrected.points().get(corrected.points().size() - 1))
                .satisfies(p -> {
                    assertThat(p.percentile()).isEqualTo(100.0);
                    assertThat(p.x()).isEqualTo(1000.0);
                    assertThat(p.latencyMs()).isCloseTo(50.0, within(0.05));
                });
    }

    @Test
    void warmupIntervalsAreNotPartOfTheDistribution() throws Exception {
        Path log = dir.resolve("w.hlog");
        try (HlogFixture f = new HlogFixture(log)) {
            f.warmup(500, 900.0).warmup(500, 900.0).measure(100, 2.0, 2.0);
        }
        StepLatencies latencies = new StepLatencies("A").addLog(log, "trial 1");

        PercentileSeries s =
                PercentileSeries.of("A", LatencyView.CORRECTED, latencies.measured(LatencyView.CORRECTED)).orElseThrow();

        assertThat(s.count()).isEqualTo(100);
        assertThat(s.points()).allSatisfy(p -> assertThat(p.latencyMs()).isLessThan(3.0));
    }

    @Test
    void mergedTrialsCountIsTheSumOfTheTrials() throws Exception {
        Path t1 = dir.resolve("t1.hlog");
        Path t2 = dir.resolve("t2.hlog");
        try (HlogFixture f = new HlogFixture(t1)) {
            f.measure(300, 1.0, 1.0).measure(400, 1.0, 1.0);
        }
        try (HlogFixture f = new HlogFixture(t2)) {
            f.measure(250, 4.0, 1.0);
        }
        StepLatencies latencies = new StepLatencies("A").addLog(t1, "trial 1").addLog(t2, "trial 2");

        assertThat(latencies.logsRead()).isEqualTo(2);
        assertThat(latencies.measured(LatencyView.CORRECTED).getTotalCount()).isEqualTo(950);
        assertThat(latencies.measured(LatencyView.UNCORRECTED).getTotalCount()).isEqualTo(950);
        assertThat(PercentileSeries.of("A", LatencyView.CORRECTED, latencies.measured(LatencyView.CORRECTED))
                .orElseThrow().count()).isEqualTo(950);
        assertThat(latencies.problems()).isEmpty();
    }

    @Test
    void missingLogIsAProblemNotAnException() {
        StepLatencies latencies = new StepLatencies("A").addLog(dir.resolve("nope.hlog"), "trial 3");

        assertThat(latencies.logsRead()).isZero();
        assertThat(latencies.problems()).singleElement().asString().contains("A trial 3").contains("missing");
        assertThat(PercentileSeries.of("A", LatencyView.CORRECTED, latencies.measured(LatencyView.CORRECTED)))
                .isEmpty();
    }

    @Test
    void levelsAreRisingAndStopAtTheResolutionOfTheCount() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1_000_000L);
        }
        PercentileSeries s = PercentileSeries.of("A", LatencyView.CORRECTED, h).orElseThrow();

        assertThat(s.points()).extracting(PercentileSeries.Point::percentile).isSorted().contains(50.0, 90.0, 99.0)
                .doesNotContain(99.9);
        assertThat(s.points()).extracting(PercentileSeries.Point::x).allSatisfy(x -> assertThat(x).isBetween(1.0, 100.0));
        assertThat(s.at(90).orElseThrow().latencyMs()).isCloseTo(90.0, within(0.1));
    }
}
