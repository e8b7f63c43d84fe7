package org.pairbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.spec.Units;
import org.pairbench.run.RunOptions;
import org.pairbench.run.Runs;
import org.pairbench.run.Shard;
import org.pairbench.run.TargetRuntimes;
import org.pairbench.targets.docker.DockerRuntime;
import org.pairbench.targets.local.CpuAffinity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pairbench run}: runs a suite and writes a results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a suite of workloads: every variant under open- and closed-loop load, with a parity "
                + "check first. Writes run.json, summary.json, .hlog interval logs, charts and index.html to the "
                + "results directory and prints a summary table.",
            "Exit code 0: complete; 3: completed, but a variant failed or a workload was not measured; "
                + "130: interrupted (results so far are kept); 1: could not run."})
final class RunCommand implements Callable<Integer> {
    static final int COMPLETED_WITH_FAILURES = 3;
    static final int INTERRUPTED = 130;

    @Option(names = "--suite", paramLabel = "NAME|FILE", defaultValue = "quick",
            description = "Suite to run: a name from workloads/suites/ or a suite file (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--workload", paramLabel = "NAME|FILE",
            description = "Run only this workload (repeatable): a name from workloads/ or a workload file of your "
                    + "own; it runs the suite's profile.")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results directory (default: results/<timestamp>). Must be new or empty.")
    Path out;

    @Option(names = "--runtime", defaultValue = "local", paramLabel = "local|docker",
            description = "Where targets run: local (child processes; default) or docker (one container per "
                    + "variant start, from the image ./pairbench images builds).")
    String runtime;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "0",
            description = "Trials per variant instead of the profile's (variants are interleaved A B B A ...).")
    int trials;

    @Option(names = "--generator-threads", paramLabel = "N", defaultValue = "1",
            description = "Event-loop threads of the load generator (default: ${DEFAULT-VALUE}).")
    int generatorThreads;

    @Option(names = "--generator-cpus", paramLabel = "LIST",
            description = "CPUs the generator is pinned to, taskset syntax (default: all but the last CPU; "
                    + "'none' to not pin).")
    String generatorCpus;

    @Option(names = "--target-cpus", paramLabel = "LIST",
            description = "CPUs each target is pinned to (default: the last CPU; 'none' to not pin).")
    String targetCpus;

    @Option(names = "--max-generator-lag", paramLabel = "DURATION", defaultValue = "200us",
            description = "Floor of the generator lag bound: an open-loop step is marked invalid when its generator "
                    + "lag p99 exceeds the larger of this and 10%% of its corrected p99 (default: ${DEFAULT-VALUE}).")
    String maxGeneratorLag;

    @Option(names = "--spin-lead", paramLabel = "DURATION", defaultValue = "50us",
            description = "How long before each intended open-loop send the generator stops sleeping and polls, "
                    + "to send on time despite timer wake-up latency (p99 about 1 ms on small VMs); polling time "
                    + "is recorded and not counted as generator load; 0us to always sleep (default: "
                    + "${DEFAULT-VALUE}).")
    String spinLead;

    @Option(names = "--no-report", description = "Do not render charts and index.html (pairbench report can).")
    boolean noReport;

    @Option(names = "--no-retry-disturbed",
            description = "Do not run a step again when other work on its CPUs disturbed it (it is still marked "
                    + "DISTURBED, with the figures, in the table and summary.json).")
    boolean noRetryDisturbed;

    @Mixin
    ClaimFilesOption claims = new ClaimFilesOption();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only part I of the suite split into N parts of about equal planned load (whole "
                    + "workloads; every machine computes the same split). Each part writes an ordinary results "
                    + "directory; pairbench merge joins them into one.")
    String shard;

    @Option(names = "--allow-remote-target", paramLabel = "HOST",
            description = "With --runtime docker and DOCKER_HOST=tcp://HOST:PORT (an engine on another machine): "
                    + "allow load to go to HOST, which must resolve to one address, the one DOCKER_HOST names. "
                    + "Without it load goes to loopback only.")
    String allowRemoteTarget;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path project = ProjectDir.get();
        if (!TargetRuntimes.NAMES.contains(runtime)) {
            throw new IllegalArgumentException("unknown runtime '" + runtime + "' (available: "
                    + String.join(", ", TargetRuntimes.NAMES) + ")");
        }
        if (generatorThreads < 1) {
            throw new IllegalArgumentException("--generator-threads must be at least 1");
        }
        // before anything is started: a bad --shard is a one-line error (exit 1), like every other bad value
        Shard part = shard == null ? null : Shard.parse(shard);
        Duration lag = Units.parseDuration(maxGeneratorLag);
        CpuAffinity affinity = new CpuAffinity();
        String genCpus = cpus(generatorCpus, affinity.available() ? affinity.defaultGeneratorCpus() : "");
        // containers are pinned by the engine (cpuset), local processes with taskset
        boolean canPinTargets = affinity.available() || runtime.equals(DockerRuntime.NAME);
        String tgtCpus = cpus(targetCpus, canPinTargets ? affinity.defaultTargetCpus() : "");
        Path dir = out != null ? out : project.resolve("results")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> commandLine = TypedCommandLine.of(spec);
        RunOptions options = new RunOptions(project, suite, workloads, dir, runtime, trials, generatorThreads,
                genCpus, tgtCpus, lag, Units.parseDuration(spinLead), !noReport, commandLine, claims.files, part,
                !noRetryDisturbed, allowRemoteTarget);
        RunSummary summary = Runs.run(options, System.out, System.err);
        return switch (summary.status()) {
            case RunSummary.COMPLETE -> 0;
            case RunSummary.INTERRUPTED -> INTERRUPTED;
            default -> COMPLETED_WITH_FAILURES;
        };
    }

    /** A CPU list option: 'none' means no pinning, absent means the default. */
    static String cpus(String option, String fallback) {
        if (option == null) {
            return fallback;
        }
        return option.equals("none") ? "" : option;
    }
}
