package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.compare.Comparison;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;

/**
 * End to end: two real runs of the harness's calibration server, the second with one variant slowed on purpose
 * (5 ms per answer instead of none) without touching the workload file's definition; {@code pairbench compare}
 * must name that variant's regression and exit {@value Comparison#REGRESSION}, and a run compared with itself
 * must pass. Needs only Java and sh.
 */
class CompareIT {
    @TempDir
    Path dir;

    @Test
    void aTargetSlowedOnPurposeFailsTheComparison() throws Exception {
        Path workloads = Files.createDirectories(dir.resolve("w"));
        Path workload = workloads.resolve("calibration-pair.yaml");
        Files.copy(Path.of(RunFixtures.fixture("calibration-pair")), workload, StandardCopyOption.REPLACE_EXISTING);
        Path serviceTime = workloads.resolve("service-time-us.txt");

        Files.writeString(serviceTime, "0\n");
        RunFixtures before = new RunFixtures().run(dir.resolve("before"), "smoke", List.of(workload.toString()),
                false);
        Files.writeString(serviceTime, "5000\n");
        RunFixtures after = new RunFixtures().run(dir.resolve("after"), "smoke", List.of(workload.toString()),
                false);
        assertThat(before.summary.status()).as(before.printed()).isEqualTo("complete");
        assertThat(after.summary.status()).as(after.printed()).isEqualTo("complete");
        // the run wrote its (empty: no claim concerns this workload) claims.json, valid against the schema
        ResultLayout layout = new ResultLayout(dir.resolve("after"));
        assertThat(ResultSchemas.violations("claims.schema.json", layout.claimsJson())).isEmpty();
        assertThat(after.printed()).contains("Claims: none of the claims concerns this run");

        Path bmf = dir.resolve("bmf.json");
        CliRun slowed = CliRun.of("compare", dir.resolve("before").toString(), dir.resolve("after").toString(),
                "--bencher", bmf.toString());
        assertThat(slowed.exit()).as(slowed.out()).isEqualTo(Comparison.REGRESSION);
        assertThat(slowed.out()).contains("**REGRESSION**")
                .containsPattern("\\| calibration-pair \\| slowable \\| hello-closed-4c \\| throughput \\|.*\\| "
                        + "regressed \\|")
                .containsPattern("\\| calibration-pair \\| slowable \\| hello-closed-4c \\| p50 \\|.*\\| regressed \\|");
        JsonNode bench = ResultsJson.mapper().readTree(bmf.toFile());
        JsonNode slowable = bench.get("calibration-pair/slowable/hello-closed-4c");
        assertThat(slowable.get("latency").get("value").asDouble()).isGreaterThan(5e6); // ns: over the 5 ms
        assertThat(slowable.get("throughput").get("lower_value").asDouble())
                .isLessThanOrEqualTo(slowable.get("throughput").get("value").asDouble());

        CliRun same = CliRun.of("compare", dir.resolve("before").toString(), dir.resolve("before").toString());
        assertThat(same.exit()).as(same.out()).isEqualTo(Comparison.OK);
        assertThat(same.out()).contains("**OK**");
    }
}
