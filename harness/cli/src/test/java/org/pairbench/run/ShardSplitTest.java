package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimSpecs;
import org.pairbench.run.RunPlan.WorkloadPlan;

class ShardSplitTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    private static RunOptions options(String suite, Shard shard) {
        return new RunOptions(PROJECT, suite, List.of(), Path.of("/tmp/x"), "local", 0, 1, "", "",
                Duration.ofMillis(1), Duration.ZERO, false, List.of(), List.of(), shard);
    }

    private static List<String> names(List<WorkloadPlan> plans) {
        return plans.stream().map(w -> w.workload().name()).toList();
    }

    @Test
    void everyWorkloadIsInExactlyOneShardAndTheSplitIsTheSameEveryTime() {
        for (String suite : List.of("smoke", "quick", "full")) {
            List<WorkloadPlan> all = Runs.plan(options(suite, null)).workloads();
            for (int n = 1; n <= all.size(); n++) {
                List<List<WorkloadPlan>> shards = ShardSplit.split(all, n);
                assertThat(shards).hasSize(n);
                List<String> joined = new ArrayList<>();
                shards.forEach(s -> joined.addAll(names(s)));
                assertThat(joined).as(suite + " in " + n).containsExactlyInAnyOrderElementsOf(names(all));
                assertThat(shards).as("no empty shard").allSatisfy(s -> assertThat(s).isNotEmpty());
                // a second computation (another machine) gives the same split, each shard in suite order
                List<List<String>> again = ShardSplit.split(Runs.plan(options(suite, null)).workloads(), n)
                        .stream().map(ShardSplitTest::names).toList();
                assertThat(shards.stream().map(ShardSplitTest::names).toList()).isEqualTo(again);
                for (List<WorkloadPlan> s : shards) {
                    assertThat(names(s)).isSortedAccordingTo(
                            (a, b) -> names(all).indexOf(a) - names(all).indexOf(b));
                }
            }
        }
    }

    @Test
    void shardsDifferByAtMostTheLongestWorkload() {
        for (String suite : List.of("smoke", "quick", "full")) {
            List<WorkloadPlan> all = Runs.plan(options(suite, null)).workloads();
            double longest = all.stream().mapToDouble(WorkloadPlan::plannedSeconds).max().orElseThrow();
            for (int n = 1; n <= all.size(); n++) {
                double[] seconds = ShardSplit.split(all, n).stream()
                        .mapToDouble(s -> s.stream().mapToDouble(WorkloadPlan::plannedSeconds).sum()).toArray();
                double max = java.util.Arrays.stream(seconds).max().orElseThrow();
                double min = java.util.Arrays.stream(seconds).min().orElseThrow();
                assertThat(max - min).as(suite + " in " + n).isLessThanOrEqualTo(longest);
                assertThat(java.util.Arrays.stream(seconds).sum()).isCloseTo(
                        all.stream().mapToDouble(WorkloadPlan::plannedSeconds).sum(),
                        org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void aClaimsVariantsStayInOneShardBecauseAClaimComparesVariantsOfOneWorkload() {
        List<WorkloadPlan> all = Runs.plan(options("full", null)).workloads();
        List<ClaimSpec> claims = ClaimSpecs.load(new WorkloadCatalog(PROJECT.resolve("workloads")),
                all.stream().map(WorkloadPlan::workload).toList(), List.of());
        assertThat(claims).isNotEmpty();
        List<List<WorkloadPlan>> shards = ShardSplit.split(all, 3);
        Map<String, WorkloadPlan> byName = all.stream()
                .collect(Collectors.toMap(w -> w.workload().name(), Function.identity()));
        for (ClaimSpec c : claims) {
            if (!byName.containsKey(c.workload())) {
                continue; // a claim on a workload outside the full suite
            }
            // both variants the claim compares belong to its one workload: where the workload goes, they go
            assertThat(byName.get(c.workload()).workload().variants()).as(c.id())
                    .containsKeys(c.baseline(), c.candidate());
            assertThat(shards.stream().filter(s -> names(s).contains(c.workload()))).as(c.id()).hasSize(1);
        }
    }

    @Test
    void aShardedPlanNamesItsPartAndTheWholeSuite() {
        RunPlan whole = Runs.plan(options("smoke", null));
        RunPlan second = Runs.plan(options("smoke", new Shard(2, 3)));
        assertThat(whole.shard()).isNull();
        assertThat(second.shard().index()).isEqualTo(2);
        assertThat(second.shard().count()).isEqualTo(3);
        assertThat(second.shard().workloads()).isEqualTo(names(second.workloads()));
        assertThat(second.shard().suiteWorkloads().keySet()).containsExactlyElementsOf(names(whole.workloads()));
        assertThat(second.shard().suiteWorkloads().values()).allSatisfy(h -> assertThat(h).hasSize(64));
        assertThat(second.plannedSeconds()).isLessThan(whole.plannedSeconds());
    }

    @Test
    void badShardValuesAreRefusedWithTheReason() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessage("--shard 0/3: I/N needs 1 <= I <= N");
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessage("--shard 4/3: I/N needs 1 <= I <= N");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessage("--shard 1/0: I/N needs 1 <= I <= N");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageStartingWith("--shard 'a/b': expected I/N");
        assertThatThrownBy(() -> Runs.plan(options("quick", new Shard(1, 99))))
                .hasMessageStartingWith("--shard I/99: cannot split ").hasMessageContaining("N may be at most");
    }
}
