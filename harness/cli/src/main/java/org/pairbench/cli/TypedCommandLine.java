package org.pairbench.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command line as the user typed it (subcommand included), recorded in run.json and selftest.json. */
final class TypedCommandLine {
    private TypedCommandLine() {
    }

    /**
     * The root command's original arguments. A subcommand's own parse result holds these same arguments, the
     * subcommand's name among them, so prefixing the name again recorded it twice ("run run --suite full").
     */
    static List<String> of(CommandSpec subcommand) {
        return List.copyOf(subcommand.root().commandLine().getParseResult().originalArgs());
    }
}
