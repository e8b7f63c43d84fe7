package org.pairbench.run;

import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.targets.TargetRequest;

/**
 * Builds what the runtime needs to start a variant: the launch with the variant's settings filled in, and where
 * its output is kept. Stateless apart from the results layout.
 */
final class TargetRequests {
    private final ResultLayout layout;

    TargetRequests(ResultLayout layout) {
        this.layout = layout;
    }

    TargetRequest request(Workload workload, VariantSpec variant, int trial) {
        return new TargetRequest(workload.name(), variant.name(), launch(variant), variant.host(), variant.env(),
                workload.file().toAbsolutePath().getParent(), layout.targetLog(workload.name(), variant.name(), trial));
    }

    /** The variant's launch with its settings' placeholders filled in. */
    static TargetLaunch launch(VariantSpec variant) {
        var argv = WorkloadLoader.applySettings(variant.launch().argv(), variant.settings());
        return variant.launch() instanceof TargetLaunch.Python ? new TargetLaunch.Python(argv)
                : new TargetLaunch.Command(argv);
    }
}
