package org.pairbench.run;

import java.util.HashMap;
import java.util.Map;
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
public final class TargetRequests {
    private final ResultLayout layout;

    TargetRequests(ResultLayout layout) {
        this.layout = layout;
    }

    /**
     * @param services the workload's upstream and database, whose addresses fill their placeholders
     */
    public TargetRequest request(Workload workload, VariantSpec variant, int trial, WorkloadServices services) {
        Map<String, String> env = new HashMap<>(variant.env());
        env.putAll(services.env());
        return new TargetRequest(workload.name(), variant.name(), launch(variant, services), variant.host(),
                env, workload.file().toAbsolutePath().getParent(),
                layout.targetLog(workload.name(), variant.name(), trial));
    }

    /** The variant's launch with its settings' and the workload services' placeholders filled in. */
    static TargetLaunch launch(VariantSpec variant, WorkloadServices services) {
        Map<String, String> values = new HashMap<>(variant.settings());
        // the harness's own servers (the native echo reference) run on this JVM's java and class path
        values.put("java", ProcessHandle.current().info().command().orElse("java"));
        values.put("harness-classpath", System.getProperty("java.class.path"));
        values.putAll(services.placeholders());
        var argv = WorkloadLoader.applySettings(variant.launch().argv(), values);
        return variant.launch() instanceof TargetLaunch.Python ? new TargetLaunch.Python(argv)
                : new TargetLaunch.Command(argv);
    }
}
