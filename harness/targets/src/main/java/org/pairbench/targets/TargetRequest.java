package org.pairbench.targets;

import java.nio.file.Path;
import java.util.Map;
import org.pairbench.core.spec.TargetLaunch;

/**
 * What a runtime needs to start one variant.
 *
 * @param workload    workload name (labels, messages)
 * @param variant     variant name (labels, messages)
 * @param launch      how to start it; placeholders other than the runtime's own are already filled in
 * @param host        loopback address it must listen on
 * @param env         extra environment variables
 * @param workloadDir directory of the workload file; working directory of {@link TargetLaunch.Command}s
 * @param logFile     where the service's stdout and stderr go (kept with the results)
 */
public record TargetRequest(String workload, String variant, TargetLaunch launch, String host,
                            Map<String, String> env, Path workloadDir, Path logFile) {
    public TargetRequest {
        env = Map.copyOf(env);
    }
}
