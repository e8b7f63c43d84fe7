package org.pairbench.selftest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code pairbench selftest} is asked to do, defaults applied by the CLI.
 *
 * @param projectDir      root of the checkout
 * @param outDir          results directory
 * @param serviceTimes    service times of the calibration server for the accuracy checks
 * @param stall           length of the stall in the coordinated-omission check
 * @param connections     connections of the closed-loop capacity check and of wrk
 * @param generatorCpus   CPUs of the generator (and of wrk); "" for no pinning
 * @param targetCpus      CPUs of the calibration server; "" for no pinning
 * @param spinLead        polling lead of the generator
 * @param maxGeneratorLag generator lag p99 bound of the capacity check
 * @param commandLine     the arguments as typed
 */
public record SelfTestOptions(Path projectDir, Path outDir, List<Duration> serviceTimes, Duration stall,
                              int connections, String generatorCpus, String targetCpus, Duration spinLead,
                              Duration maxGeneratorLag, List<String> commandLine) {
    public SelfTestOptions {
        serviceTimes = List.copyOf(serviceTimes);
        commandLine = List.copyOf(commandLine);
    }
}
