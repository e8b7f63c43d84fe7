package org.pairbench.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pairbench.compare.ComparedRun;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunMetadata.MergedShard;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;

/**
 * Writes the files of one results directory made from a {@link ShardSet}: summary.json (every shard's workloads,
 * in suite order), run.json (shard 1's with every shard's workloads, and {@code shards}: which machine ran which
 * workloads), and each shard's {@code hlog/} and {@code logs/} copied in (paths in summary.json are relative, so
 * they hold; a shard's run-level log files go to {@code logs/shard-I/}). Claims and the report are not this class's: the caller judges and renders as {@code report} does.
 * The directory must already be claimed ({@code ResultsDirectory.create}). Stateless.
 */
public final class MergedRun {
    /** Status order, best first: the merged run has its worst shard's. */
    private static final List<String> STATUS_ORDER = List.of(RunSummary.COMPLETE, RunSummary.COMPLETED_WITH_FAILURES,
            RunSummary.INTERRUPTED, RunSummary.ABANDONED);

    private MergedRun() {
    }

    /** Writes the merged files into {@code layout}; returns the merged summary. */
    public static RunSummary write(ShardSet set, ResultLayout layout, List<String> commandLine) throws IOException {
        String runId = layout.dir().toAbsolutePath().normalize().getFileName().toString();
        List<String> order = set.suiteWorkloads();
        List<WorkloadResult> results = new ArrayList<>();
        List<JsonNode> definitions = new ArrayList<>();
        List<MergedShard> shards = new ArrayList<>();
        for (ComparedRun shard : set.shards()) {
            results.addAll(shard.summary().workloads());
            definitions.addAll(shard.run().workloads());
            shards.add(describe(shard));
            copyTree(shard.dir().resolve("hlog"), layout.dir().resolve("hlog"));
            copyLogs(shard, layout.dir().resolve("logs"));
        }
        results.sort(Comparator.comparingInt(w -> rank(order, w.workload())));
        definitions.sort(Comparator.comparingInt(w -> rank(order, w.path("name").asText())));
        RunSummary first = set.shards().get(0).summary();
        RunSummary summary = new RunSummary(RunSummary.SCHEMA, runId, status(set), earliestStart(set),
                latestFinish(set), first.suite(), first.runtime(), results);
        RunMetadata m = set.shards().get(0).run();
        RunMetadata meta = new RunMetadata(m.schema(), runId, summary.startedAt(), commandLine, m.suite(),
                m.profile(), m.runtime(), m.git(), m.environment(), m.python(), m.containers(), definitions,
                m.pyperfSystem(), m.guideSnippets(), null, shards);
        ResultsJson.write(layout.runJson(), meta);
        ResultsJson.write(layout.summaryJson(), summary);
        return summary;
    }

    private static MergedShard describe(ComparedRun shard) {
        RunMetadata r = shard.run();
        var env = r.environment();
        return new MergedShard(r.shard().index(), r.shard().count(), r.runId(), r.shard().host(),
                env == null ? null : env.cpuModel(), env == null ? 0 : env.cpus(), r.startedAt(),
                shard.summary().status(), r.shard().workloads());
    }

    private static int rank(List<String> order, String workload) {
        int i = order.indexOf(workload);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static String status(ShardSet set) {
        int worst = 0;
        for (ComparedRun s : set.shards()) {
            int i = STATUS_ORDER.indexOf(s.summary().status());
            worst = Math.max(worst, i < 0 ? STATUS_ORDER.size() - 1 : i);
        }
        return STATUS_ORDER.get(worst);
    }

    private static String earliestStart(ShardSet set) {
        return set.shards().stream().map(s -> s.summary().startedAt()).filter(t -> t != null)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The last shard's end; null when a shard has none (it did not finish). */
    private static String latestFinish(ShardSet set) {
        List<String> ends = set.shards().stream().map(s -> s.summary().finishedAt()).toList();
        return ends.contains(null) ? null : ends.stream().max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * Copies a shard's logs: its workloads' folders as they are (no two shards hold the same workload), and the
     * files of its run as a whole, such as {@code pyperf-system.log} that every shard with an in-process workload
     * writes, into {@code logs/shard-I/} so that no shard's copy is lost or clashes with another's.
     */
    private static void copyLogs(ComparedRun shard, Path to) throws IOException {
        Path from = shard.dir().resolve("logs");
        if (!Files.isDirectory(from)) {
            return;
        }
        Path runFiles = to.resolve("shard-" + shard.run().shard().index());
        try (Stream<Path> entries = Files.list(from)) {
            for (Path p : entries.sorted().toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    copyTree(p, to.resolve(p.getFileName().toString()));
                } else {
                    Files.createDirectories(runFiles);
                    Files.copy(p, runFiles.resolve(p.getFileName().toString()), LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /**
     * Copies a shard's directory tree into the merged one. Never overwrites: shards hold different workloads, and
     * a file two shards both have means the directories are not what their run.json says.
     */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                Path target = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, LinkOption.NOFOLLOW_LINKS); // a link is copied, not followed
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new IOException("could not copy " + from + " into " + to + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
