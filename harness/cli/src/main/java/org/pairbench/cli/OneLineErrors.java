package org.pairbench.cli;

import org.pairbench.core.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 1: users get the reason, not a
 * stack trace. {@code PAIRBENCH_DEBUG=1} prints the trace too.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        String message = e instanceof SpecException ? e.getMessage()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("pairbench: " + message);
        if (System.getenv("PAIRBENCH_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return FAILURE;
    }
}
