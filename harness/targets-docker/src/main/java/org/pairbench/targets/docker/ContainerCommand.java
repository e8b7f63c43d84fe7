package org.pairbench.targets.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.TargetException;

/**
 * The command a target container runs: a {@link TargetLaunch.Python} program run by the image's interpreter in the
 * image's copy of {@code python-targets/}, with the runtime's placeholders filled ({@code {port}}, {@code {host}},
 * {@code {python}} and {@code {targets}} as they are inside the image).
 *
 * <p>{@link TargetLaunch.Command} variants are refused here: they are arbitrary host command lines (any program,
 * paths relative to the workload file's directory) that the Python image cannot be assumed to hold, and mounting
 * the host's files into it would measure something else than the image. {@link DockerRuntime} runs them as local
 * processes instead and never asks for their container command.
 *
 * @param argv       the container's command
 * @param workingDir its working directory inside the image
 */
record ContainerCommand(List<String> argv, String workingDir) {
    ContainerCommand {
        argv = List.copyOf(argv);
    }

    static ContainerCommand of(String label, TargetLaunch launch, String host, int port) throws TargetException {
        return of(label, launch, host, port, true);
    }

    /** @param service true for a service, which must be told its port; false for a program run to completion */
    static ContainerCommand of(String label, TargetLaunch launch, String host, int port, boolean service)
            throws TargetException {
        if (launch instanceof TargetLaunch.Command) {
            throw new TargetException(label + " is a command variant (" + String.join(" ", launch.argv())
                    + "): it has no container command; the docker runtime runs it as a local process");
        }
        if (service && launch.argv().stream().noneMatch(a -> a.contains(TargetLaunch.PORT))) {
            throw new TargetException("the launch command " + launch.argv() + " has no " + TargetLaunch.PORT
                    + ": the service could not learn the port the harness assigned");
        }
        Map<String, String> values = Map.of(TargetLaunch.PORT, Integer.toString(port), "{host}", host,
                "{python}", Images.PYTHON, "{targets}", Images.TARGETS_DIR);
        List<String> argv = new ArrayList<>();
        argv.add(Images.PYTHON);
        for (String arg : launch.argv()) {
            String filled = arg;
            for (Map.Entry<String, String> e : values.entrySet()) {
                filled = filled.replace(e.getKey(), e.getValue());
            }
            argv.add(filled);
        }
        return new ContainerCommand(argv, Images.TARGETS_DIR);
    }
}
