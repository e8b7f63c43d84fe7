package org.pairbench.run;

import java.io.IOException;
import org.pairbench.core.result.ForcedStop;
import org.pairbench.core.result.PortRetry;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.targets.RunningTarget;

/**
 * Copies what a runtime had to do to start or stop a variant's target (start it again on another port, kill it with
 * SIGKILL) from the target onto its variant in summary.json, with the trial number the runtime does not know. The
 * progress line has already said it (the runtime prints it as it happens). Stateless; the runner's thread.
 */
final class TargetIncidents {
    private TargetIncidents() {
    }

    /** After a start that succeeded: the ports it gave up because a foreign process held them. */
    static void started(ResultsBook book, String workload, String variant, int trial, RunningTarget target)
            throws IOException {
        for (PortRetry retry : target.portRetries()) {
            book.portRetry(workload, variant, retry.inTrial(trial));
        }
    }

    /** After {@link RunningTarget#stop()}: whether it needed SIGKILL. */
    static void stopped(ResultsBook book, String workload, String variant, int trial, RunningTarget target)
            throws IOException {
        if (target != null) {
            for (ForcedStop stop : target.forcedStop().stream().toList()) {
                book.forcedStop(workload, variant, stop.inTrial(trial));
            }
        }
    }
}
