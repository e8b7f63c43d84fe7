package org.pairbench.core.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.StepResult;

class InProcessStepTest {
    @TempDir
    Path dir;

    private static PyperfOutput.Run run(List<Double> warmups, List<Double> values, Map<String, Object> meta) {
        return new PyperfOutput.Run(warmups, values, 100, 0.5, meta);
    }

    @Test
    void everyValueGoesIntoTheHlogAndTheSummaryInNanosecondsPerOperation() throws IOException {
        PyperfOutput.Benchmark bench = new PyperfOutput.Benchmark("spawn-join", List.of(
                run(List.of(9e-6), List.of(), Map.of("pairbench_threads_peak", 1)),           // calibration run
                run(List.of(8e-6), List.of(2e-6, 4e-6), Map.of("pairbench_threads_peak", 1,
                        "pairbench_fds_peak", 6, "pairbench_guide_error", "TypeError: x")),
                run(List.of(7e-6), List.of(6e-6), Map.of("pairbench_threads_peak", 3, "pairbench_fds_peak", 4))));
        Path hlog = dir.resolve("h/spawn-join.hlog");
        StepResult s = InProcessStep.record(bench, List.of("the maximum is 50% greater"), "asyncio", 2, hlog,
                "h/spawn-join.hlog", "demo/asyncio t2 spawn-join", 1_700_000_000_000L);

        assertThat(s.mode()).isEqualTo(StepResult.INPROCESS);
        assertThat(s.status()).isEqualTo(StepResult.OK);
        assertThat(s.corrected().count()).isEqualTo(3);
        assertThat(s.corrected().p50Us()).isEqualTo(4.0);
        assertThat(s.corrected().maxUs()).isEqualTo(6.0);
        assertThat(s.uncorrected()).isEqualTo(s.corrected());
        // 3 values of 100 operations each: 300 operations in (2+4+6) us x 100
        assertThat(s.counts().ok()).isEqualTo(300);
        assertThat(s.measureSec()).isCloseTo(1.2e-3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.achievedRatePerSec()).isCloseTo(250_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.inprocess().processes()).isEqualTo(2);
        assertThat(s.inprocess().values()).isEqualTo(3);
        assertThat(s.inprocess().warmups()).isEqualTo(3);
        assertThat(s.inprocess().counts()).containsEntry("threads_peak", 5.0 / 3).containsEntry("fds_peak", 5.0);
        assertThat(s.inprocess().notes()).containsEntry("guide_error", "TypeError: x");
        assertThat(s.inprocess().warnings()).containsExactly("the maximum is 50% greater");

        List<String> tags = new ArrayList<>();
        long measured = 0;
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                tags.add(h.getTag());
                if ("measure.corrected".equals(h.getTag())) {
                    measured += ((Histogram) h).getTotalCount();
                }
            }
        }
        assertThat(tags).containsExactly("warmup.corrected", "warmup.corrected", "measure.corrected",
                "measure.uncorrected", "warmup.corrected", "measure.corrected", "measure.uncorrected");
        assertThat(measured).isEqualTo(3);
    }

    @Test
    void aCaseWithoutValuesIsAFailedStep() throws IOException {
        PyperfOutput.Benchmark bench = new PyperfOutput.Benchmark("call",
                List.of(run(List.of(1e-6), List.of(), Map.of())));
        StepResult s = InProcessStep.record(bench, List.of(), "a", 1, dir.resolve("c.hlog"), "c.hlog", "x", 0);
        assertThat(s.status()).isEqualTo(StepResult.FAILED);
        assertThat(s.error()).contains("no values");
    }
}
