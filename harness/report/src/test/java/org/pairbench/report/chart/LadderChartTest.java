package org.pairbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.pairbench.core.verdict.Metric;
import org.pairbench.report.data.PhaseLadder;

/** What the ladder chart is given to draw: the series, their points, and the phase axis, not the pixels. */
class LadderChartTest {
    @TempDir
    Path dir;

    static PhaseLadder ladder(Metric metric, String label) {
        return new PhaseLadder(metric, "item-open-500rps", label, List.of(
                new PhaseLadder.Rung("p0-eventlet", "0", List.of(new PhaseLadder.Trial(1, 2000, true),
                        new PhaseLadder.Trial(2, 4000, true), new PhaseLadder.Trial(3, 9000, false)),
                        3000.0, 2000.0, 4000.0),
                new PhaseLadder.Rung("p1-asyncio-hub", "1", List.of(), null, null, null),
                new PhaseLadder.Rung("p2-awaitlet", "2", List.of(new PhaseLadder.Trial(1, 1500, true)),
                        1500.0, 1500.0, 1500.0)));
    }

    @Test
    void p99LadderDrawsMediansInMillisecondsWithAGapWhiskersAndTrialMarks() throws Exception {
        XYChart chart = LadderChart.build("t", List.of(ladder(Metric.P99, "item @ 500/s")));
        Map<String, XYSeries> series = new HashMap<>();
        chart.getSeriesCollection().forEach(s -> series.put(s.getName(), s));

        assertThat(series).containsOnlyKeys("item @ 500/s median of valid trials (none valid at p1)", "item @ 500/s spread of valid trials",
                "item @ 500/s each trial", "item @ 500/s generator INVALID");
        XYSeries medians = series.get("item @ 500/s median of valid trials (none valid at p1)");
        assertThat(medians.getXData()).containsExactly(0.0, 1.0, 2.0);
        assertThat(medians.getYData()).containsExactly(3.0, Double.NaN, 1.5);
        XYSeries whiskers = series.get("item @ 500/s spread of valid trials");
        assertThat(whiskers.getXData()).containsExactly(0.0, 0.0, 0.0, 2.0, 2.0, 2.0);
        assertThat(whiskers.getYData()).containsExactly(2.0, 4.0, Double.NaN, 1.5, 1.5, Double.NaN);
        assertThat(whiskers.isShowInLegend()).isFalse();
        assertThat(series.get("item @ 500/s each trial").getYData()).containsExactly(2.0, 4.0, 1.5);
        assertThat(series.get("item @ 500/s generator INVALID").getXData()).containsExactly(0.0);
        assertThat(chart.getYAxisTitle()).isEqualTo("Corrected p99 (ms)");
        assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0.0);
        assertThat(StepBars.label(List.of("p0-eventlet", "p1-asyncio-hub", "p2-awaitlet"), 1)).isEqualTo("p1-asyncio-hub");
        assertThat(ChartStyle.save(chart, dir, "ladder", true)).hasSize(2).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    @Test
    void throughputKeepsItsUnitAndEachLadderItsOwnColour() {
        XYChart chart = LadderChart.build("t", List.of(ladder(Metric.THROUGHPUT, "item @ 64 conn"),
                ladder(Metric.THROUGHPUT, "item-d0 @ 64 conn")));

        assertThat(chart.getYAxisTitle()).startsWith("Throughput (req/s");
        assertThat(chart.getSeries("item @ 64 conn median of valid trials (none valid at p1)").getYData())
                .containsExactly(3000.0, Double.NaN, 1500.0);
        assertThat(chart.getSeries("item @ 64 conn median of valid trials (none valid at p1)").getLineColor())
                .isNotEqualTo(chart.getSeries("item-d0 @ 64 conn median of valid trials (none valid at p1)").getLineColor());
    }

    @Test
    void theLegendSaysWhenNoPhaseHasAValidTrial() {
        PhaseLadder none = new PhaseLadder(Metric.P99, "item-open-500rps", "item @ 500/s", List.of(
                new PhaseLadder.Rung("p0-eventlet", "0", List.of(new PhaseLadder.Trial(1, 9000, false)), null, null,
                        null),
                new PhaseLadder.Rung("p1-asyncio-hub", "1", List.of(), null, null, null)));
        PhaseLadder all = new PhaseLadder(Metric.P99, "item-open-500rps", "item @ 500/s", List.of(
                new PhaseLadder.Rung("p0-eventlet", "0", List.of(new PhaseLadder.Trial(1, 2000, true)), 2000.0,
                        2000.0, 2000.0)));

        assertThat(LadderChart.medianLegend(none)).isEqualTo("item @ 500/s: no valid trial at any phase");
        assertThat(LadderChart.medianLegend(all)).isEqualTo("item @ 500/s median of valid trials");
    }
}
