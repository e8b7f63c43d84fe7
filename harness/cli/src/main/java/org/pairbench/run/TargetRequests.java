package org.pairbench.run;

import java.util.HashMap;
import java.util.Map;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.netty.server.CalibrationHttpServer;
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

    /**
     * @param upstream the workload's upstream server, whose base URL fills {@code {upstream}}; null for none
     */
    TargetRequest request(Workload workload, VariantSpec variant, int trial, CalibrationHttpServer upstream) {
        return new TargetRequest(workload.name(), variant.name(), launch(variant, upstream), variant.host(),
                variant.env(), workload.file().toAbsolutePath().getParent(),
                layout.targetLog(workload.name(), variant.name(), trial));
    }

    /** The variant's launch with its settings' placeholders (and {@code {upstream}}, when known) filled in. */
    static TargetLaunch launch(VariantSpec variant, CalibrationHttpServer upstream) {
        Map<String, String> values = new HashMap<>(variant.settings());
        // the harness's own servers (the native echo reference) run on this JVM's java and class path
        values.put("java", ProcessHandle.current().info().command().orElse("java"));
        values.put("harness-classpath", System.getProperty("java.class.path"));
        if (upstream != null) {
            values.put(WorkloadLoader.UPSTREAM, "http://" + upstream.address().getAddress().getHostAddress() + ":"
                    + upstream.address().getPort());
        }
        var argv = WorkloadLoader.applySettings(variant.launch().argv(), values);
        return variant.launch() instanceof TargetLaunch.Python ? new TargetLaunch.Python(argv)
                : new TargetLaunch.Command(argv);
    }
}
