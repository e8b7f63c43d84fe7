package org.pairbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.record.LatencyView;
import org.pairbench.report.data.LatencyTimeline;
import org.pairbench.report.data.PercentileSeries;
import org.pairbench.report.data.ThroughputLatency;

/** Degenerate data (one value, one point, a timeline of gaps) must still give a chart, not an exception. */
class ChartsDrawTinyDataTest {
    @TempDir
    Path dir;

    @Test
    void oneValueOnePointAndAllGapsStillDraw() throws Exception {
        Histogram one = new Histogram(3);
        one.recordValue(1_000_000);
        PercentileSeries single = PercentileSeries.of("A", LatencyView.CORRECTED, one).orElseThrow();
        LatencyTimeline gaps = new LatencyTimeline("A", List.of(),
                List.of(new LatencyTimeline.Point(5, 0, Double.NaN, Double.NaN, Double.NaN)), 5);
        ThroughputLatency.Point p = new ThroughputLatency.Point("s", "1 conn", 0, 100, 2.0, true);
        ThroughputLatency tl = new ThroughputLatency("hello", "closed",
                List.of(new ThroughputLatency.Series("A", List.of(p), List.of(p))));
        VariantColors colors = new VariantColors();

        assertThat(ChartStyle.save(PercentileChart.build("t", List.of(single), colors), dir, "p", true))
                .allSatisfy(f -> assertThat(f).isNotEmptyFile());
        assertThat(ChartStyle.save(TimelineChart.build("t", List.of(gaps), colors), dir, "t", true))
                .allSatisfy(f -> assertThat(f).isNotEmptyFile());
        assertThat(ChartStyle.save(ThroughputLatencyChart.build("t", tl, colors), dir, "x", true))
                .allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    @Test
    void aVariantKeepsItsColourWhateverTheOrderOfLaterCalls() {
        VariantColors colors = new VariantColors();
        String eventlet = colors.css("eventlet");
        String asyncio = colors.css("asyncio");

        assertThat(colors.css("asyncio")).isEqualTo(asyncio);
        assertThat(colors.css("eventlet")).isEqualTo(eventlet).isNotEqualTo(asyncio);
    }

    @Test
    void fileNamesAreMadeSafe() {
        assertThat(ChartStyle.fileSafe("hello-open-2000rps")).isEqualTo("hello-open-2000rps");
        assertThat(ChartStyle.fileSafe("../a b/c")).isEqualTo("_.._a_b_c");
    }
}
