package org.pairbench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run is asked to do, after the command line was parsed; defaults applied by the CLI.
 *
 * @param projectDir        root of the pairbench checkout (workloads/, python-targets/)
 * @param suite             suite name or file
 * @param workloads         workload names or files to run instead of all of the suite's; empty for all
 * @param outDir            results directory; null for {@code results/<timestamp>}
 * @param runtime           {@code local} or {@code docker}
 * @param trials            trials instead of the profile's, or 0
 * @param generatorThreads  event loops of the load generator
 * @param generatorCpus     CPUs the harness pins itself to ({@code ""} for no pinning)
 * @param targetCpus        CPUs each target is pinned to ({@code ""} for no pinning)
 * @param maxGeneratorLag   floor of the generator lag p99 bound of open-loop steps (see {@code GeneratorCheck})
 * @param spinLead          how early open-loop workers poll instead of sleeping before an intended send
 * @param renderReport      whether to render charts and index.html at the end
 * @param commandLine       the arguments as typed, for run.json
 * @param claimFiles        claims files of the user's own ({@code --claims FILE}), judged with the project's
 * @param shard             with {@code --shard I/N}, the part of the suite to run ({@link ShardSplit}); else null
 * @param retryDisturbed    whether a step disturbed by other work on its CPUs is run once more (it is marked
 *                          either way)
 * @param allowRemoteTarget with {@code --allow-remote-target HOST}, the one remote host load may go to (a remote
 *                          Docker engine's, see {@link RemoteTargetRule}); else null
 */
public record RunOptions(Path projectDir, String suite, List<String> workloads, Path outDir, String runtime,
                         int trials, int generatorThreads, String generatorCpus, String targetCpus,
                         Duration maxGeneratorLag, Duration spinLead, boolean renderReport, List<String> commandLine,
                         List<Path> claimFiles, Shard shard, boolean retryDisturbed, String allowRemoteTarget) {
    public RunOptions {
        workloads = List.copyOf(workloads);
        commandLine = List.copyOf(commandLine);
        claimFiles = List.copyOf(claimFiles);
    }

    /** Options that send load to loopback only (no {@code --allow-remote-target}). */
    public RunOptions(Path projectDir, String suite, List<String> workloads, Path outDir, String runtime, int trials,
                      int generatorThreads, String generatorCpus, String targetCpus, Duration maxGeneratorLag,
                      Duration spinLead, boolean renderReport, List<String> commandLine, List<Path> claimFiles,
                      Shard shard, boolean retryDisturbed) {
        this(projectDir, suite, workloads, outDir, runtime, trials, generatorThreads, generatorCpus, targetCpus,
                maxGeneratorLag, spinLead, renderReport, commandLine, claimFiles, shard, retryDisturbed, null);
    }

    /** Options that retry disturbed steps. */
    public RunOptions(Path projectDir, String suite, List<String> workloads, Path outDir, String runtime, int trials,
                      int generatorThreads, String generatorCpus, String targetCpus, Duration maxGeneratorLag,
                      Duration spinLead, boolean renderReport, List<String> commandLine, List<Path> claimFiles,
                      Shard shard) {
        this(projectDir, suite, workloads, outDir, runtime, trials, generatorThreads, generatorCpus, targetCpus,
                maxGeneratorLag, spinLead, renderReport, commandLine, claimFiles, shard, true);
    }

    /** The whole suite (no {@code --shard}). */
    public RunOptions(Path projectDir, String suite, List<String> workloads, Path outDir, String runtime, int trials,
                      int generatorThreads, String generatorCpus, String targetCpus, Duration maxGeneratorLag,
                      Duration spinLead, boolean renderReport, List<String> commandLine, List<Path> claimFiles) {
        this(projectDir, suite, workloads, outDir, runtime, trials, generatorThreads, generatorCpus, targetCpus,
                maxGeneratorLag, spinLead, renderReport, commandLine, claimFiles, null, true);
    }

    /** Options without claims files of the user's own ({@code --claims}). */
    public RunOptions(Path projectDir, String suite, List<String> workloads, Path outDir, String runtime, int trials,
                      int generatorThreads, String generatorCpus, String targetCpus, Duration maxGeneratorLag,
                      Duration spinLead, boolean renderReport, List<String> commandLine) {
        this(projectDir, suite, workloads, outDir, runtime, trials, generatorThreads, generatorCpus, targetCpus,
                maxGeneratorLag, spinLead, renderReport, commandLine, List.of());
    }
}
