package org.pairbench.inprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pairbench.core.spec.Defaults;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetRuntime;

/**
 * pyperf's system checks, once per run with an in-process workload: {@code python -m pyperf system show}, run by
 * the runtime where the benchmark programs run (the pinned environment locally, the target image with
 * {@code --runtime docker}), its lines kept for run.json ({@code pyperfSystem}): CPU isolation, frequency
 * scaling, ASLR and the like, with pyperf's advice and warnings. Stateless.
 */
public final class PyperfSystemCheck {
    private static final long TIMEOUT_MS = 60_000;

    private PyperfSystemCheck() {
    }

    /** The lines pyperf printed (section rulers and blank lines left out), or one line saying why there are none. */
    public static List<String> run(TargetRuntime runtime, Path log, Consumer<String> progress) throws InterruptedException {
        TargetRequest request = new TargetRequest("pyperf-system", "show",
                new TargetLaunch.Python(List.of("-m", "pyperf", "system", "show")), Defaults.HOST, java.util.Map.of(),
                log.toAbsolutePath().getParent(), log);
        RunningTarget program;
        try {
            program = runtime.startProgram(request);
        } catch (TargetException e) {
            return List.of("pyperf system show did not run: " + e.getMessage());
        }
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (program.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(InProcessTrialExecutor.POLL_MS);
            }
        } finally {
            program.stop();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.matches("=+")) {
                    out.add(line.strip());
                }
            }
            progress.accept("pyperf's system checks (python -m pyperf system show) are in run.json, pyperfSystem");
            return out;
        } catch (IOException e) {
            return List.of("pyperf system show left no output: " + e.getMessage());
        }
    }
}
