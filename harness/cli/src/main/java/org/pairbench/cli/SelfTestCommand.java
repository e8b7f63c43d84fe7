package org.pairbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pairbench.core.spec.Units;
import org.pairbench.generator.Generator;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.selftest.SelfTestOptions;
import org.pairbench.selftest.SelfTestRunner;
import org.pairbench.targets.local.CpuAffinity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pairbench selftest}: the generator against known truth on this machine. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Checks the load generator against its own calibration server (a separate process with a "
                + "known service time, on the target's core): the highest rate one generator core sustains (open and "
                + "closed loop), measured latency against the known service time, a stall that the corrected "
                + "histogram must show and the uncorrected one hide, and, when wrk is installed, the throughput of "
                + "pairbench and wrk -t1 on the same server, connections and core. About a minute.",
            "Writes results like a run (summary.json, .hlog, charts) plus selftest.json."})
final class SelfTestCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/selftest-<timestamp>).")
    Path out;

    @Option(names = "--service-time", paramLabel = "DURATION", split = ",", defaultValue = "1ms,5ms",
            description = "Service times of the accuracy checks (default: ${DEFAULT-VALUE}).")
    List<String> serviceTimes;

    @Option(names = "--stall", paramLabel = "DURATION", defaultValue = "500ms",
            description = "Length of the stall in the coordinated-omission check (default: ${DEFAULT-VALUE}).")
    String stall;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "64",
            description = "Connections of the capacity checks and of wrk (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--generator-cpus", paramLabel = "LIST", description = "CPUs of the generator and wrk "
            + "(default: all but the last CPU; 'none' to not pin).")
    String generatorCpus;

    @Option(names = "--target-cpus", paramLabel = "LIST", description = "CPUs of the calibration server "
            + "(default: the last CPU; 'none' to not pin).")
    String targetCpus;

    @Option(names = "--max-generator-lag", paramLabel = "DURATION", defaultValue = "100us",
            description = "Generator lag p99 bound of the capacity check: a rate is sustained only with the lag "
                    + "p99 within the larger of this and 10%% of the corrected p99 (default: ${DEFAULT-VALUE}).")
    String maxGeneratorLag;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path project = ProjectDir.get();
        CpuAffinity affinity = new CpuAffinity();
        String gen = RunCommand.cpus(generatorCpus, affinity.available() ? affinity.defaultGeneratorCpus() : "");
        String tgt = RunCommand.cpus(targetCpus, affinity.available() ? affinity.defaultTargetCpus() : "");
        List<Duration> times = new ArrayList<>();
        for (String t : serviceTimes) {
            times.add(Units.parseDuration(t));
        }
        Path dir = out != null ? out : project.resolve("results").resolve("selftest-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> commandLine = TypedCommandLine.of(spec);
        SelfTestRunner.run(new SelfTestOptions(project, dir, times, Units.parseDuration(stall), connections, gen, tgt,
                Duration.ofNanos(LoadDriver.DEFAULT_SPIN_LEAD_NS), Units.parseDuration(maxGeneratorLag),
                commandLine), System.out, System.err);
        return 0;
    }
}
