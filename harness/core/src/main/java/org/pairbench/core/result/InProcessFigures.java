package org.pairbench.core.result;

import java.util.List;
import java.util.Map;
import org.pairbench.core.Copies;

/**
 * What an in-process step adds to a step's figures: how pyperf measured it, the counts the benchmark process took
 * beside the times, and pyperf's warnings. The times themselves are the step's {@code corrected} latency
 * (nanoseconds per operation, every value of every worker process).
 *
 * @param processes worker processes that measured values (pyperf runs; calibration runs not counted)
 * @param values    measured values over all of them
 * @param warmups   warm-up values (recorded in the .hlog, tagged {@code warmup})
 * @param counts    count name to its mean over the trial's worker processes ({@code threads_started},
 *                  {@code fds_peak}, {@code loops_created}, ...; python-targets/README.md lists them)
 * @param notes     text the benchmark recorded ({@code guide_error}: what the guide's code raised)
 * @param warnings  pyperf's warnings about this result's stability
 */
public record InProcessFigures(int processes, int values, int warmups, Map<String, Double> counts,
                               Map<String, String> notes, List<String> warnings) {
    public InProcessFigures {
        counts = Copies.map(counts);
        notes = Copies.map(notes);
        warnings = Copies.list(warnings);
    }
}
