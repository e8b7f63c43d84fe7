package org.pairbench.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.run.ResultSchemas;
import org.pairbench.run.RunFixtures;

/**
 * The self-test end to end against the real calibration server process. Asserts what it ran and wrote, and the
 * coordinated-omission outcome (a 500 ms stall against a 1 ms service time), never how fast anything was.
 */
class SelfTestIT {
    /** The stall of the coordinated-omission check: 500 ms against a 1 ms service time. */
    private static final Duration STALL = Duration.ofMillis(500);
    @TempDir
    Path dir;

    @Test
    void runsEveryCheckAndWritesItsFiles() throws Exception {
        Path out = dir.resolve("selftest");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        SelfTestFigures f;
        try (PrintStream o = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            f = SelfTestRunner.run(new SelfTestOptions(RunFixtures.PROJECT, out, List.of(Duration.ofMillis(1)),
                    STALL, 16, "", "", Duration.ofNanos(50_000), Duration.ofMillis(1),
                    List.of("selftest")), o, System.err);
        }
        assertThat(f.capacity().openLoopTriedPerSec()).isNotEmpty();
        assertThat(f.capacity().closedLoopPerSec()).isPositive();
        assertThat(f.accuracy()).hasSize(3).allSatisfy(a -> assertThat(a.serviceTimeUs()).isEqualTo(1000));
        // the stall shows in the corrected view and hides from the uncorrected one: at 1000/s, 250 of the 4000
        // measured requests (6%, over the 1% above p99) are intended in its first half and wait more than half of
        // it; from their actual send, at most the 8 in flight when it began (0.2%) wait that long
        long halfStallUs = STALL.toNanos() / 2_000;
        assertThat(f.omission().correctedP99Us()).isGreaterThan(halfStallUs);
        assertThat(f.omission().uncorrectedP99Us()).isLessThan(halfStallUs);
        assertThat(f.targets()).isNotEmpty();

        ResultLayout layout = new ResultLayout(out);
        assertThat(ResultsJson.read(out.resolve("selftest.json"), SelfTestFigures.class)).isEqualTo(f);
        RunSummary summary = ResultsJson.read(layout.summaryJson(), RunSummary.class);
        assertThat(summary.workloads().get(0).steps()).hasSizeGreaterThanOrEqualTo(1 + 1 + 3 + 1);
        assertThat(ResultSchemas.violations("summary.schema.json", layout.summaryJson())).isEmpty();
        assertThat(layout.indexHtml()).exists();
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("Coordinated omission", "Targets",
                "generator lag p99", "stopped by", "Platform hiccups");
        // the hiccup meter measured both modes, and the ladder has a lag p99 for every rate it tried
        assertThat(f.platform().sleep().samples()).isPositive();
        assertThat(f.platform().spin().samples()).isPositive();
        assertThat(f.capacity().openLoopLagP99Us()).hasSameSizeAs(f.capacity().openLoopTriedPerSec());
        assertThat(f.transport()).isNotBlank();
    }
}
