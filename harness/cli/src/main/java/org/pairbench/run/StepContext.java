package org.pairbench.run;

import java.util.Map;
import org.pairbench.core.spec.Protocol;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.targets.DatabaseService;
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
 * @param protocol          how the workload's variants are talked to
 * @param requests          every request of the workload (for the probe)
 * @param bodyLengths       body length per request verified by the parity check (absent: not checked)
 * @param target            the running service
 * @param upstream          the in-harness upstream server the variant calls, or null
 * @param database          the workload's database server, or null
 * @param baselineRssBytes  the target's resident set size right after it started, -1 if unknown
 * @param label             prefix of progress lines, e.g. {@code [2/3 aiohttp t1]}
 */
public record StepContext(String workload, String variant, int trial, StepSpec step, String stepId,
                          RequestSpec request, Protocol protocol, Map<String, RequestSpec> requests,
                          Map<String, Long> bodyLengths, RunningTarget target, CalibrationHttpServer upstream,
                          DatabaseService database, long baselineRssBytes, String label) {
}
