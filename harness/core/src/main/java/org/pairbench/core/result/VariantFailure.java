package org.pairbench.core.result;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * A variant trial that could not run to its end: the target did not start, or exited mid-run. The rest of the
 * suite goes on; the steps measured before the failure are kept.
 *
 * @param variant  variant name
 * @param trial    1-based trial number
 * @param step     the step running when it failed, or null when it failed before the first step
 * @param reason   one line
 * @param exitCode the target's exit code when it exited, else null
 * @param logTail  last lines the target wrote to stdout/stderr
 */
public record VariantFailure(String variant, int trial, String step, String reason, Integer exitCode,
                             List<String> logTail) {
    public VariantFailure {
        logTail = Copies.list(logTail);
    }
}
