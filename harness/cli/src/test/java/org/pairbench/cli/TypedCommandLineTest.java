package org.pairbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TypedCommandLineTest {
    @Test
    void theSubcommandIsRecordedOnceWithItsArguments() {
        CommandLine root = new CommandLine(new PairbenchCommand());
        CommandLine.ParseResult parsed = root.parseArgs("run", "--suite", "full", "--workload", "http-hello");
        CommandLine.Model.CommandSpec run = parsed.subcommand().commandSpec();

        assertThat(TypedCommandLine.of(run)).containsExactly("run", "--suite", "full", "--workload", "http-hello");
    }
}
