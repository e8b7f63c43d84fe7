package org.pairbench.run;

import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.targets.RunningTarget;

/**
 * One step to run against a started target.
 *
 * @param workload          workload name
 * @param variant           variant name
 * @param trial             1-based trial
 * @param step              the load
 * @param stepId            id used for the file name ({@code warmup} for a trial's warm-up)
 * @param request           the request
 * @param expectedBodyBytes body length verified by the parity check, or -1
 * @param target            the running service
 * @param label             prefix of progress lines, e.g. {@code [2/3 aiohttp t1]}
 */
record StepContext(String workload, String variant, int trial, StepSpec step, String stepId, RequestSpec request,
                   long expectedBodyBytes, RunningTarget target, String label) {
}
