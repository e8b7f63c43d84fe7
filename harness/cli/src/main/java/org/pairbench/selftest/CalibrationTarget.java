package org.pairbench.selftest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.netty.server.CalibrationServerMain;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetRuntime;

/**
 * Starts the in-harness calibration server as a separate JVM through a target runtime, so it is pinned to the
 * target's core like any service under test and its CPU is read the same way. It runs this JVM's own class path.
 */
final class CalibrationTarget {
    static final String WORKLOAD = "selftest";
    static final String VARIANT = "calibration-server";

    private CalibrationTarget() {
    }

    static RunningTarget start(TargetRuntime runtime, ResultLayout layout, Path projectDir) throws TargetException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseZGC", "-cp",
                System.getProperty("java.class.path"), CalibrationServerMain.class.getName(), "--port",
                TargetLaunch.PORT);
        return runtime.start(new TargetRequest(WORKLOAD, VARIANT, new TargetLaunch.Command(argv), "127.0.0.1",
                Map.of(), projectDir, layout.targetLog(WORKLOAD, VARIANT, 1)));
    }
}
