package org.pairbench.core.result;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * A target that did not stop when asked and was killed: it ignored SIGTERM (or hung in its shutdown) for the whole
 * grace period, so the runtime sent SIGKILL. Recorded on its variant in summary.json ({@code forcedStops[]}),
 * once per start that ended so. Immutable.
 *
 * @param trial        the trial whose target it was (0: the parity check); the runtime that observes the stop
 *                     does not know it and leaves 0, the runner sets it ({@link #inTrial})
 * @param signal       the signal that ended it: {@code SIGKILL}
 * @param afterSeconds the grace given after SIGTERM before that signal
 * @param pids         the processes killed (the target and any descendant still alive)
 * @param reason       one line, as the progress line said it
 */
public record ForcedStop(int trial, String signal, long afterSeconds, List<Long> pids, String reason) {
    public static final String SIGKILL = "SIGKILL";

    public ForcedStop {
        pids = Copies.list(pids);
    }

    /** The same stop, of trial {@code number}. */
    public ForcedStop inTrial(int number) {
        return new ForcedStop(number, signal, afterSeconds, pids, reason);
    }
}
