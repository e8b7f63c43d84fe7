package org.pairbench.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.pairbench.cli.PairbenchCommand;
import picocli.CommandLine;

/**
 * A {@code pairbench} command run in this JVM, as the launcher runs it, with its exit code and what it printed
 * through picocli (stdout and stderr together).
 *
 * @param exit the exit code
 * @param out  the output
 */
record CliRun(int exit, String out) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PairbenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString());
    }
}
