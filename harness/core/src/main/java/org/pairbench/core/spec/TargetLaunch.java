package org.pairbench.core.spec;

import java.util.List;

/**
 * How a variant's service is started. Argument lists may hold placeholders that the runtime fills in:
 * {@code {port}} (required), {@code {host}} (always 127.0.0.1) and, for commands, {@code {python}} (the
 * provisioned interpreter) and {@code {targets}} (the absolute {@code python-targets/} directory).
 */
public sealed interface TargetLaunch permits TargetLaunch.Python, TargetLaunch.Command {

    /** Placeholder for the port the harness assigns. */
    String PORT = "{port}";

    List<String> argv();

    /**
     * A program of {@code python-targets/}, run by the interpreter of the pinned environment, working directory
     * {@code python-targets/}. {@code argv} starts with the script path or {@code -m module}.
     */
    record Python(List<String> argv) implements TargetLaunch {
        public Python {
            argv = List.copyOf(argv);
        }
    }

    /** Any command line, for users measuring their own services; run from the workload file's directory. */
    record Command(List<String> argv) implements TargetLaunch {
        public Command {
            argv = List.copyOf(argv);
        }
    }
}
