package org.pairbench.core.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the real output of {@code python-targets/inprocess/tasks_asyncio.py} (pyperf 2.11.0, 2 worker processes). */
class PyperfOutputReaderTest {
    static List<String> realOutput() throws IOException {
        try (InputStream in = PyperfOutputReaderTest.class.getResourceAsStream("tasks-asyncio.out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void keepsEveryValueAndWarmupOfEveryRunWithMetadataMerged() throws IOException {
        PyperfOutput out = PyperfOutputReader.read(realOutput());
        assertThat(out.benchmarks()).extracting(PyperfOutput.Benchmark::name).containsExactly("spawn-join",
                "park-1000");
        for (PyperfOutput.Benchmark b : out.benchmarks()) {
            assertThat(b.runs()).hasSize(2);
            for (PyperfOutput.Run r : b.runs()) {
                assertThat(r.valueSecs()).hasSize(2).allMatch(v -> v > 0 && v < 1);
                assertThat(r.warmupSecs()).hasSize(1);
                assertThat(r.durationSec()).isPositive();
                // suite-level metadata (shared by every run) reaches each run
                assertThat(r.metadata()).containsKeys("perf_version", "pairbench_threads_peak", "pairbench_fds_end");
            }
        }
        // loops 10, and park-1000 has 1000 inner loops (one operation is one task)
        assertThat(out.benchmark("spawn-join").runs().get(0).opsPerValue()).isEqualTo(10);
        assertThat(out.benchmark("park-1000").runs().get(0).opsPerValue()).isEqualTo(10_000);
        assertThat(out.benchmark("park-1000").runs().get(0).metadata()).containsKey("pairbench_bytes_per_parked_task");
        assertThat(out.checks()).containsKeys("spawn-join", "park-1000");
        assertThat(out.benchmark("nope")).isNull();
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> PyperfOutputReader.read(List.of("Traceback (most recent call last):")))
                .hasMessageContaining("no 'PAIRBENCH-PYPERF' line");
        assertThatThrownBy(() -> PyperfOutputReader.read(List.of("PAIRBENCH-PYPERF {\"suite\": {}}")))
                .hasMessageContaining("no 'suite.benchmarks' array");
    }
}
