package org.pairbench.targets.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.TargetException;

/**
 * The exact command line and working directory of one target start, built from a {@link TargetLaunch}:
 * placeholders filled, the environment's interpreter in front of {@link TargetLaunch.Python} programs, and the
 * CPU-pinning prefix ({@code taskset -c 1}, which execs, so the started pid is the service's own) in front of all.
 *
 * @param argv       the command as run
 * @param workingDir {@code python-targets/} for Python programs, the workload's directory for commands
 */
record LaunchCommand(List<String> argv, Path workingDir) {
    LaunchCommand {
        argv = List.copyOf(argv);
    }

    /** True when the launch needs the provisioned interpreter. */
    static boolean needsPython(TargetLaunch launch) {
        return launch instanceof TargetLaunch.Python || Placeholders.mentions(launch.argv(), Placeholders.PYTHON);
    }

    /**
     * @param python     the environment's interpreter; may be null when {@link #needsPython} is false
     * @param pinPrefix  e.g. {@code [taskset, -c, 1]}, or empty for no pinning
     */
    static LaunchCommand of(TargetLaunch launch, String host, int port, Path python, Path targetsDir,
                            Path workloadDir, List<String> pinPrefix) throws TargetException {
        return of(launch, host, port, python, targetsDir, workloadDir, pinPrefix, true);
    }

    /** @param service true for a service, which must be told its port; false for a program run to completion */
    static LaunchCommand of(TargetLaunch launch, String host, int port, Path python, Path targetsDir,
                            Path workloadDir, List<String> pinPrefix, boolean service) throws TargetException {
        if (service && !Placeholders.mentions(launch.argv(), Placeholders.PORT)) {
            throw new TargetException("the launch command " + launch.argv() + " has no " + Placeholders.PORT
                    + ": the service could not learn the port the harness assigned");
        }
        if (python == null && needsPython(launch)) {
            throw new IllegalStateException("this launch needs the Python environment: " + launch.argv());
        }
        Map<String, String> values = Map.of(
                Placeholders.PORT, Integer.toString(port),
                Placeholders.HOST, host,
                Placeholders.PYTHON, python == null ? Placeholders.PYTHON : python.toString(),
                Placeholders.TARGETS, targetsDir.toString());
        List<String> argv = new ArrayList<>(pinPrefix);
        Path workingDir;
        if (launch instanceof TargetLaunch.Python) {
            argv.add(python.toString());
            workingDir = targetsDir;
        } else {
            workingDir = workloadDir;
        }
        argv.addAll(Placeholders.fill(launch.argv(), values));
        return new LaunchCommand(argv, workingDir);
    }
}
