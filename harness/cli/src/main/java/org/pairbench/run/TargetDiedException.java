package org.pairbench.run;

import java.util.List;
import org.pairbench.core.result.StepResult;

/** The target exited, or stopped answering ({@link AnswerCheck}), while a step ran. Carries what the failure record needs, and the step's partial figures. */
public final class TargetDiedException extends Exception {
    private final Integer exitCode;
    private final List<String> logTail;
    private final StepResult partial;

    public TargetDiedException(String message, Integer exitCode, List<String> logTail, StepResult partial) {
        super(message);
        this.exitCode = exitCode;
        this.logTail = List.copyOf(logTail);
        this.partial = partial;
    }

    /** What the step measured before the target died (status failed), or null when it never started. */
    public StepResult partial() {
        return partial;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public List<String> logTail() {
        return logTail;
    }
}
