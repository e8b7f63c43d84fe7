package org.pairbench.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.resultfiles.ResultsDirectory;

/** The checks of {@link ShardSet} and the files {@link MergedRun} writes, on shard directories made here. */
class ShardSetTest {
    private static final List<String> SUITE = List.of("w1", "w2", "w3");
    private static final String HASH = "0".repeat(64);

    @TempDir
    Path tmp;

    /** A shard directory of a 3-workload suite: run.json with its shard, summary.json, one interval log. */
    private Path shard(String name, int index, int count, List<String> workloads, String revision,
                       String aiohttp, String hashOfW1, String status) throws Exception {
        Map<String, String> suite = new LinkedHashMap<>();
        SUITE.forEach(w -> suite.put(w, HASH));
        suite.put("w1", hashOfW1);
        RunMetadata meta = new RunMetadata(RunMetadata.SCHEMA, name, "2026-12-07T10:0" + index + ":00Z", List.of(),
                "s", "p", "local", new RunMetadata.GitInfo(revision, false), null,
                new RunMetadata.PythonInfo("python3", "3.11", "l", "h", Map.of("aiohttp", aiohttp)), null,
                workloads.stream().map(w -> (com.fasterxml.jackson.databind.JsonNode) ResultsJson.mapper()
                        .createObjectNode().put("name", w)).toList(), null, null,
                new RunMetadata.ShardInfo(index, count, "host" + index, workloads, suite), null);
        RunSummary summary = new RunSummary(RunSummary.SCHEMA, name, status, "2026-12-07T10:0" + index + ":00Z",
                "2026-12-07T11:0" + index + ":00Z", "s", "local", workloads.stream().map(w -> new WorkloadResult(w,
                        "d", List.of(), "p", List.of(), new ParityResult(ParityResult.PASSED, List.of(), null),
                        List.of(), List.of())).toList());
        ResultLayout layout = new ResultLayout(tmp.resolve(name));
        ResultsJson.write(layout.runJson(), meta);
        ResultsJson.write(layout.summaryJson(), summary);
        for (String w : workloads) {
            Path hlog = layout.resolve(ResultLayout.hlogRelative(w, "v", 1, "s1"));
            Files.createDirectories(hlog.getParent());
            Files.writeString(hlog, "hlog of " + w);
        }
        return layout.dir();
    }

    private Path shard(String name, int index, int count, List<String> workloads) throws Exception {
        return shard(name, index, count, workloads, "abc", "3.9", HASH, RunSummary.COMPLETE);
    }

    @Test
    void eachShardsRunLevelLogsAreKeptApartAndItsWorkloadLogsInPlace() throws Exception {
        Path a = shard("a", 1, 2, List.of("w1", "w3"));
        Path b = shard("b", 2, 2, List.of("w2"));
        // every shard with an in-process workload writes logs/pyperf-system.log: the full suite's shards 1 and 2 did
        for (Path shard : List.of(a, b)) {
            Files.createDirectories(shard.resolve("logs"));
            Files.writeString(shard.resolve("logs/pyperf-system.log"), "system of " + shard.getFileName());
        }
        Files.createDirectories(b.resolve("logs/w2/v"));
        Files.writeString(b.resolve("logs/w2/v/t1.log"), "target log");
        ResultLayout out = ResultsDirectory.create(tmp.resolve("merged"));
        MergedRun.write(ShardSet.read(List.of(a, b)), out, List.of("merge"));
        assertThat(out.resolve("logs/shard-1/pyperf-system.log")).hasContent("system of a");
        assertThat(out.resolve("logs/shard-2/pyperf-system.log")).hasContent("system of b");
        assertThat(out.resolve("logs/w2/v/t1.log")).hasContent("target log");
        assertThat(out.resolve("logs/pyperf-system.log")).doesNotExist();
    }

    @Test
    void theShardsOfOneRunMergeInSuiteOrderWithWhoRanWhat() throws Exception {
        Path b = shard("b", 2, 2, List.of("w2"));
        Path a = shard("a", 1, 2, List.of("w3", "w1"));
        ShardSet set = ShardSet.read(List.of(b, a));
        assertThat(set.shards()).extracting(s -> s.run().shard().index()).containsExactly(1, 2);
        ResultLayout out = ResultsDirectory.create(tmp.resolve("merged"));
        RunSummary summary = MergedRun.write(set, out, List.of("merge"));
        assertThat(summary.workloads()).extracting(WorkloadResult::workload).containsExactly("w1", "w2", "w3");
        assertThat(summary.status()).isEqualTo(RunSummary.COMPLETE);
        assertThat(summary.startedAt()).isEqualTo("2026-12-07T10:01:00Z");
        assertThat(summary.finishedAt()).isEqualTo("2026-12-07T11:02:00Z");
        RunMetadata run = ResultsJson.read(out.runJson(), RunMetadata.class);
        assertThat(run.shard()).isNull();
        assertThat(run.workloads()).extracting(w -> w.path("name").asText()).containsExactly("w1", "w2", "w3");
        assertThat(run.shards()).extracting(RunMetadata.MergedShard::host).containsExactly("host1", "host2");
        assertThat(run.shards().get(0).workloads()).containsExactly("w3", "w1");
        for (String w : SUITE) {
            assertThat(out.resolve(ResultLayout.hlogRelative(w, "v", 1, "s1"))).hasContent("hlog of " + w);
        }
        // the fixture's workloads are names only; what merge adds conforms to the published schema
        assertThat(org.pairbench.run.ResultSchemas.violations("run.schema.json", out.runJson()))
                .noneMatch(v -> v.startsWith("/shard"));
    }

    @Test
    void aMissingOrDuplicatedShardIsNamed() throws Exception {
        Path a = shard("a", 1, 3, List.of("w1"));
        Path c = shard("c", 3, 3, List.of("w3"));
        assertThatThrownBy(() -> ShardSet.read(List.of(a, c))).isInstanceOf(ShardSet.Refused.class)
                .hasMessageStartingWith("shard 2/3 missing");
        Path again = shard("a2", 1, 3, List.of("w1"));
        assertThatThrownBy(() -> ShardSet.read(List.of(a, again, c))).hasMessageStartingWith("shard 1/3 given twice");
    }

    @Test
    void shardsOfDifferentRunsAreRefusedWithTheReason() throws Exception {
        Path a = shard("a", 1, 2, List.of("w1", "w3"));
        Path otherRevision = shard("b1", 2, 2, List.of("w2"), "def", "3.9", HASH, RunSummary.COMPLETE);
        Path otherPackages = shard("b2", 2, 2, List.of("w2"), "abc", "3.10", HASH, RunSummary.COMPLETE);
        Path otherDefinition = shard("b3", 2, 2, List.of("w2"), "abc", "3.9", "1".repeat(64), RunSummary.COMPLETE);
        Path otherSplit = shard("b4", 2, 3, List.of("w2"));
        for (var c : Map.of(otherRevision, "git revision: abc vs def", otherPackages, "package versions: aiohttp 3.9 "
                + "vs 3.10", otherDefinition, "workload w1: definition differs", otherSplit, "split: 1/2 vs 2/3")
                .entrySet()) {
            assertThatThrownBy(() -> ShardSet.read(List.of(a, c.getKey()))).isInstanceOf(ShardSet.Refused.class)
                    .hasMessageContaining(c.getValue())
                    .satisfies(e -> assertThat(((ShardSet.Refused) e).mismatched()).isTrue());
        }
    }

    @Test
    void aRunWithoutShardOrStillRunningIsRefused() throws Exception {
        Path a = shard("a", 1, 2, List.of("w1", "w3"));
        Path running = shard("b", 2, 2, List.of("w2"), "abc", "3.9", HASH, RunSummary.RUNNING);
        assertThatThrownBy(() -> ShardSet.read(List.of(a, running))).hasMessageContaining("is still running");
        Path interrupted = shard("c", 2, 2, List.of("w2"), "abc", "3.9", HASH, RunSummary.INTERRUPTED);
        assertThat(MergedRun.status(ShardSet.read(List.of(a, interrupted)))).isEqualTo(RunSummary.INTERRUPTED);
        ResultLayout whole = new ResultLayout(tmp.resolve("whole"));
        ResultsJson.write(whole.runJson(), new RunMetadata(RunMetadata.SCHEMA, "whole", "t", List.of(), "s", "p",
                "local", null, null, null, null, List.of()));
        ResultsJson.write(whole.summaryJson(), new RunSummary(RunSummary.SCHEMA, "whole", RunSummary.COMPLETE, "t",
                "t", "s", "local", List.of()));
        assertThatThrownBy(() -> ShardSet.read(List.of(a, whole.dir()))).hasMessageContaining("is not a shard");
    }
}
