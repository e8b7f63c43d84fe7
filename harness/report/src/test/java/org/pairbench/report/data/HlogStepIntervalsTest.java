package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.verdict.Metric;
import org.pairbench.core.verdict.StepIntervals;
import org.pairbench.report.HlogFixture;

/** A step's per-interval values for the allocation of repetitions, read from logs written the way runs write them. */
class HlogStepIntervalsTest {
    private static final String STEP_LOG = "hlog/w/a/t1/s.hlog";

    @TempDir
    Path dir;

    @Test
    void aSecondTheWarmUpSharesIsRatedOverItsMeasuredPartOnly() throws Exception {
        Path step = dir.resolve(STEP_LOG);
        Files.createDirectories(step.getParent());
        try (HlogFixture f = new HlogFixture(step)) {
            // second 1: warm-up only; second 2: 30 warm-up requests, then 40 measured in its last half; then 100, 90
            f.warmup(50, 1.0).alsoMeasure(40, 8.0, 8.0).warmup(30, 1.0).measure(100, 2.0, 2.0).measure(90, 4.0, 4.0);
        }
        try (HlogFixture f = new HlogFixture(step.resolveSibling("warmup.hlog"))) {
            f.warmup(10, 1.0).warmup(10, 1.0).warmup(10, 1.0);
        }
        StepIntervals logs = new HlogStepIntervals(new ResultLayout(dir));

        StepIntervals.Reading throughput = logs.read(step(2.5), Metric.THROUGHPUT);
        assertThat(throughput.problem()).isNull();
        // 40 requests in the half second measured: 80 per second
        assertThat(throughput.values()).containsExactly(80.0, 100.0, 90.0);
        assertThat(throughput.intervalSec()).isEqualTo(1.0);
        assertThat(throughput.measuredSec()).isEqualTo(2.5);
        // the trial's 3 s of opening warm-up and the step's 2 warm-up seconds
        assertThat(throughput.trialCostSec()).isEqualTo(5.0);

        double[] p99 = logs.read(step(2.5), Metric.P99).values();
        assertThat(p99).hasSize(3);
        assertThat(p99[0]).isCloseTo(8000, within(8.0));
        assertThat(p99[1]).isCloseTo(2000, within(2.0));
        assertThat(p99[2]).isCloseTo(4000, within(4.0));
    }

    @Test
    void whatCannotBeReadIsSaid() {
        StepIntervals logs = new HlogStepIntervals(new ResultLayout(dir));
        assertThat(logs.read(step(2), Metric.THROUGHPUT).problem()).isEqualTo(STEP_LOG + ": missing file");
    }

    private static StepResult step(double measureSec) {
        return new StepResult("a", 1, "s", "closed", "hello", 1, null, 0, measureSec, null, null, null, null, null,
                null, STEP_LOG, StepResult.OK, null);
    }
}
