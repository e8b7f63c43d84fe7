package org.pairbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pairbench} command and its subcommands. The launcher script passes the checkout's root as the
 * {@code pairbench.home} system property; workloads, Python targets and results are found from there.
 */
@Command(name = "pairbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measures what migrating Python services from eventlet to asyncio does to performance: "
                + "paired services under open- and closed-loop load, latency in HdrHistogram.",
        subcommands = {RunCommand.class, ListCommand.class, ReportCommand.class, ReadmeClaimsCommand.class,
            CompareCommand.class, MergeCommand.class, SelfTestCommand.class, ImagesCommand.class,
            SnippetsCommand.class, CommandLine.HelpCommand.class})
public final class PairbenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new PairbenchCommand())
                .setExecutionExceptionHandler(new OneLineErrors());
        System.exit(cli.execute(args));
    }
}
