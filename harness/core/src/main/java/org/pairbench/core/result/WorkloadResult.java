package org.pairbench.core.result;

import java.util.List;
import org.pairbench.core.Copies;

/**
 * Everything measured for one workload in a run: the parity check, every step of every trial of every variant,
 * and the trials that failed.
 */
public record WorkloadResult(String workload, String description, List<String> claims, String profile,
                             List<VariantInfo> variants, ParityResult parity, List<StepResult> steps,
                             List<VariantFailure> failures) {
    public WorkloadResult {
        claims = Copies.list(claims);
        variants = Copies.list(variants);
        steps = Copies.list(steps);
        failures = Copies.list(failures);
    }
}
