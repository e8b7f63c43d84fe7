package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.netty.load.LoadDriver;

/**
 * End to end on one machine: two small workloads of the smoke suite run for real as {@code --shard 1/2} and
 * {@code 2/2}, merged with {@code pairbench merge}; the merged claims.json must hold the same verdicts and effects
 * (every field but the run id) as {@code pairbench report} gives over one directory holding the same data put
 * together by hand (the shards' summary.json and run.json workloads concatenated, their logs copied), and each
 * claim the same as in the shard that measured its workload. A missing shard and a used --out are refused.
 */
class ShardMergeIT {
    private static final List<String> WORKLOADS = List.of("tcp-echo", "eventlet-hubs-hello");

    @TempDir
    Path dir;

    @Test
    void mergedShardsAreJudgedAsOneDirectoryOfTheSameData() throws Exception {
        System.setProperty("pairbench.home", RunFixtures.PROJECT.toString()); // as the launcher sets it
        Path s1 = dir.resolve("s1");
        Path s2 = dir.resolve("s2");
        RunFixtures first = new RunFixtures().run(shard(s1, 1));
        RunFixtures second = new RunFixtures().run(shard(s2, 2));
        assertThat(first.summary.status()).as(first.printed()).isEqualTo("complete");
        assertThat(second.summary.status()).as(second.printed()).isEqualTo("complete");
        assertThat(first.summary.workloads()).hasSize(1);
        assertThat(second.summary.workloads()).hasSize(1);

        CliRun missing = CliRun.of("merge", s1.toString(), "--out", dir.resolve("partial").toString());
        assertThat(missing.exit()).as(missing.out()).isEqualTo(1);
        assertThat(missing.out()).contains("shard 2/2 missing");

        Path merged = dir.resolve("merged");
        CliRun merge = CliRun.of("merge", s2.toString(), s1.toString(), "--out", merged.toString(), "--no-svg");
        assertThat(merge.exit()).as(merge.out()).isZero();
        assertThat(ResultSchemas.violations("run.schema.json", merged.resolve("run.json"))).isEmpty();
        assertThat(ResultSchemas.violations("summary.schema.json", merged.resolve("summary.json"))).isEmpty();
        assertThat(ResultSchemas.violations("claims.schema.json", merged.resolve("claims.json"))).isEmpty();
        assertThat(merged.resolve("index.html")).isRegularFile();
        assertThat(hlogs(merged)).containsExactlyInAnyOrderElementsOf(concat(hlogs(s1), hlogs(s2)));

        Path one = byHand(s1, s2, dir.resolve("one"));
        CliRun report = CliRun.of("report", one.toString(), "--no-svg");
        assertThat(report.exit()).as(report.out()).isZero();

        JsonNode mergedClaims = withoutRunId(merged);
        JsonNode reportedClaims = withoutRunId(one);
        assertThat(mergedClaims.get("claims")).as("claims of both workloads").hasSizeGreaterThanOrEqualTo(2);
        assertThat(mergedClaims).isEqualTo(reportedClaims);
        // and each verdict is the one its shard reached alone: merging changes no claim
        List<JsonNode> shardClaims = new ArrayList<>();
        withoutRunId(s1).get("claims").forEach(shardClaims::add);
        withoutRunId(s2).get("claims").forEach(shardClaims::add);
        List<JsonNode> mergedList = new ArrayList<>();
        mergedClaims.get("claims").forEach(mergedList::add);
        assertThat(mergedList).containsExactlyInAnyOrderElementsOf(shardClaims);

        CliRun again = CliRun.of("merge", s1.toString(), s2.toString(), "--out", merged.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("is not empty");
    }

    /** As RunFixtures runs a suite, only shard {@code index}/2 of {@link #WORKLOADS}. */
    private static RunOptions shard(Path out, int index) {
        return new RunOptions(RunFixtures.PROJECT, "smoke", WORKLOADS, out, "local", 0, 1, "", "",
                Duration.ofMillis(50), Duration.ofNanos(LoadDriver.DEFAULT_SPIN_LEAD_NS), false,
                List.of("run", "--suite", "smoke", "--shard", index + "/2"), List.of(), new Shard(index, 2), false);
    }

    /** One results directory made from the shards without the merge code: JSON arrays concatenated, logs copied. */
    private static Path byHand(Path s1, Path s2, Path one) throws Exception {
        ObjectNode run = (ObjectNode) ResultsJson.mapper().readTree(s1.resolve("run.json").toFile());
        ObjectNode summary = (ObjectNode) ResultsJson.mapper().readTree(s1.resolve("summary.json").toFile());
        JsonNode run2 = ResultsJson.mapper().readTree(s2.resolve("run.json").toFile());
        JsonNode summary2 = ResultsJson.mapper().readTree(s2.resolve("summary.json").toFile());
        ((ArrayNode) run.get("workloads")).addAll((ArrayNode) run2.get("workloads"));
        ((ArrayNode) summary.get("workloads")).addAll((ArrayNode) summary2.get("workloads"));
        run.remove("shard");
        ResultLayout layout = new ResultLayout(one);
        ResultsJson.write(layout.runJson(), run);
        ResultsJson.write(layout.summaryJson(), summary);
        for (Path shard : List.of(s1, s2)) {
            try (Stream<Path> files = Files.walk(shard.resolve("hlog"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = one.resolve(shard.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        return one;
    }

    private static JsonNode withoutRunId(Path results) throws Exception {
        ObjectNode claims = (ObjectNode) ResultsJson.mapper().readTree(results.resolve("claims.json").toFile());
        claims.remove("runId");
        return claims;
    }

    private static List<String> hlogs(Path results) throws Exception {
        try (Stream<Path> files = Files.walk(results.resolve("hlog"))) {
            return files.filter(Files::isRegularFile).map(f -> results.relativize(f).toString()).toList();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
