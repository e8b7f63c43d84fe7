package org.pairbench.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.pairbench.compare.ComparedRun;
import org.pairbench.compare.RunMatch;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunMetadata.ShardInfo;
import org.pairbench.core.result.RunSummary;

/**
 * The shard directories of one sharded run, checked to belong together, in shard order. Refused, with the reason:
 * a directory not written by {@code run --shard}, shards of different splits (N), suites, harness revisions,
 * runtimes, suite workload definitions (the hashes run.json records) or Python interpreter and package versions
 * (as {@code compare} finds them, {@link RunMatch#python}); a shard missing or given twice; a shard still running
 * (or killed: its summary.json says {@code running}). Immutable.
 *
 * @param shards the shards, index 1 first
 */
public record ShardSet(List<ComparedRun> shards) {

    /** Thrown when the directories cannot be merged; the message says why. */
    public static final class Refused extends Exception {
        private final boolean mismatched;

        Refused(String reason) {
            this(reason, false);
        }

        Refused(String reason, boolean mismatched) {
            super(reason);
            this.mismatched = mismatched;
        }

        /** True when the shards are of different runs (suite, revision, definitions, packages), not just too few. */
        public boolean mismatched() {
            return mismatched;
        }
    }

    public ShardSet {
        shards = List.copyOf(shards);
    }

    public static ShardSet read(List<Path> dirs) throws IOException, Refused {
        List<ComparedRun> runs = new ArrayList<>();
        for (Path dir : dirs) {
            ComparedRun r = ComparedRun.read(dir);
            if (r.run().shard() == null) {
                throw new Refused(dir + " is not a shard (its run.json has no shard: it was not run with --shard)");
            }
            runs.add(r);
        }
        return of(runs);
    }

    static ShardSet of(List<ComparedRun> runs) throws Refused {
        if (runs.isEmpty()) {
            throw new Refused("no shard directories given");
        }
        ComparedRun first = runs.get(0);
        for (ComparedRun r : runs.subList(1, runs.size())) {
            List<String> why = differences(first, r);
            if (!why.isEmpty()) {
                throw new Refused("shards of different runs: " + first.dir() + " and " + r.dir() + " differ in "
                        + String.join("; ", why), true);
            }
        }
        Map<Integer, ComparedRun> byIndex = new TreeMap<>();
        for (ComparedRun r : runs) {
            ShardInfo s = r.run().shard();
            ComparedRun earlier = byIndex.put(s.index(), r);
            if (earlier != null) {
                throw new Refused("shard " + s.index() + "/" + s.count() + " given twice: " + earlier.dir() + " and "
                        + r.dir());
            }
            if (RunSummary.RUNNING.equals(r.summary().status())) {
                throw new Refused("shard " + s.index() + "/" + s.count() + " (" + r.dir() + ") is still running, or "
                        + "was killed (summary.json status running)");
            }
        }
        int count = first.run().shard().count();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                throw new Refused("shard " + i + "/" + count + " missing (given: " + String.join(", ",
                        byIndex.values().stream().map(r -> r.run().shard().index() + "/" + count + " "
                                + r.dir()).toList()) + ")");
            }
        }
        return new ShardSet(new ArrayList<>(byIndex.values()));
    }

    /** Why two shards cannot be parts of one run; empty when they can. */
    static List<String> differences(ComparedRun a, ComparedRun b) {
        RunMetadata ra = a.run();
        RunMetadata rb = b.run();
        List<String> out = new ArrayList<>();
        if (ra.shard().count() != rb.shard().count()) {
            out.add("split: " + ra.shard().index() + "/" + ra.shard().count() + " vs " + rb.shard().index() + "/"
                    + rb.shard().count());
        }
        if (!Objects.equals(ra.suite(), rb.suite()) || !Objects.equals(ra.profile(), rb.profile())) {
            out.add("suite: " + ra.suite() + " (profile " + ra.profile() + ") vs " + rb.suite() + " (profile "
                    + rb.profile() + ")");
        }
        String revA = ra.git() == null ? null : ra.git().revision();
        String revB = rb.git() == null ? null : rb.git().revision();
        if (!Objects.equals(revA, revB)) {
            out.add("git revision: " + revA + " vs " + revB);
        }
        if (!Objects.equals(ra.runtime(), rb.runtime())) {
            out.add("runtime: " + ra.runtime() + " vs " + rb.runtime());
        }
        Map<String, String> wa = ra.shard().suiteWorkloads();
        Map<String, String> wb = rb.shard().suiteWorkloads();
        if (!Objects.equals(List.copyOf(wa.keySet()), List.copyOf(wb.keySet()))) {
            out.add("suite workloads: " + String.join(", ", wa.keySet()) + " vs " + String.join(", ", wb.keySet()));
        } else {
            for (var e : wa.entrySet()) {
                if (!e.getValue().equals(wb.get(e.getKey()))) {
                    out.add("workload " + e.getKey() + ": definition differs (sha256 " + e.getValue().substring(0, 12)
                            + " vs " + wb.get(e.getKey()).substring(0, 12) + ")");
                }
            }
        }
        out.addAll(RunMatch.python(ra.python(), rb.python()));
        return out;
    }

    /** Every workload of the suite, in suite order. */
    public List<String> suiteWorkloads() {
        return List.copyOf(shards.get(0).run().shard().suiteWorkloads().keySet());
    }
}
