package org.pairbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders without picocli warnings. Descriptions are format strings: a bare
 * {@code %} ("10% of") makes picocli print a WARN block to stderr and show the raw text, which a user running
 * {@code --help} sees first.
 */
class UsageTextTest {

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        CommandLine root = new CommandLine(new PairbenchCommand());
        List<CommandLine> commands = new ArrayList<>();
        commands.add(root);
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            commands.add(sub.getValue());
        }
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> rendered = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (CommandLine command : commands) {
                rendered.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
            }
        } finally {
            System.setErr(originalErr);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "picocli warned while rendering --help");
        assertEquals(commands.size(), rendered.size());
        for (String usage : rendered) {
            assertFalse(usage.contains("%n"), "an unformatted %n in: " + usage);
        }
    }
}
