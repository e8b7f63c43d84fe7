package org.pairbench.targets;

import java.util.List;

/**
 * A target that could not be provisioned, started or kept running. The message is one line fit for the
 * terminal; the exit code and the service's last log lines travel with it so the runner can show and record them.
 */
public class TargetException extends Exception {
    private final Integer exitCode;
    private final List<String> logTail;

    public TargetException(String message) {
        this(message, null, List.of(), null);
    }

    public TargetException(String message, Integer exitCode, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.logTail = List.copyOf(logTail);
    }

    /** The process's exit code when it exited, else null. */
    public Integer exitCode() {
        return exitCode;
    }

    public List<String> logTail() {
        return logTail;
    }
}
