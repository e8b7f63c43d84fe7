package org.pairbench.run;

import java.util.List;
import org.pairbench.core.result.StepResult;

/** The target exited while a step ran. Carries what the failure record needs, and the step's partial figures. */
final class TargetDiedException extends Exception {
    private final Integer exitCode;
    private final List<String> logTail;
    private final StepResult partial;

    TargetDiedException(String message, Integer exitCode, List<String> logTail, StepResult partial) {
        super(message);
        this.exitCode = exitCode;
        this.logTail = List.copyOf(logTail);
        this.partial = partial;
    }

    /** What the step measured before the target died (status failed), or null when it never started. */
    StepResult partial() {
        return partial;
    }

    Integer exitCode() {
        return exitCode;
    }

    List<String> logTail() {
        return logTail;
    }
}
