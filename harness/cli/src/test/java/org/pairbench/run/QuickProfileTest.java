package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimsLoader;

/**
 * The quick suite (the main job) measures the steps the claims read, so its closing table can set every claim
 * beside the published reference; the few claims whose step is too long for it say "full only" there.
 */
class QuickProfileTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    /**
     * Claims whose step quick leaves to the full profile: 8 jobs of 200 ms of CPU per variant and value; 5000 and
     * 10000 idle connections, which eventlet's default cap makes wait out a timeout each (about a minute).
     */
    private static final Set<String> FULL_ONLY_STEPS = Set.of("inprocess-cpu/jobs-8x200ms",
            "connections/hello-open-1000rps-idle5000", "connections/hello-open-1000rps-idle10000");

    @Test
    void everyClaimStepIsAQuickStepOrKnownFullOnly() {
        WorkloadCatalog catalog = new WorkloadCatalog(PROJECT.resolve("workloads"));
        List<String> missing = new ArrayList<>();
        for (ClaimSpec c : ClaimsLoader.load(catalog)) {
            Workload w = catalog.workload(c.workload(), PROJECT);
            LoadProfile quick = w.profiles().get("quick");
            boolean measured = quick.steps().stream().map(StepSpec::id).anyMatch(c.step()::equals);
            if (!measured && !FULL_ONLY_STEPS.contains(c.workload() + "/" + c.step())) {
                missing.add(c.id() + " reads " + c.workload() + "/" + c.step());
            }
        }
        assertThat(missing).as("claims whose step the quick profile does not measure").isEmpty();
    }

    @Test
    void theQuickSuitePlansToAboutFiveMinutes() {
        RunPlan plan = Runs.plan(new RunOptions(PROJECT, "quick", List.of(), Path.of("/tmp/x"), "local", 0, 1, "",
                "", Duration.ofMillis(1), Duration.ZERO, false, List.of()));
        // the planned wall time (load, target starts, parity, pyperf processes); the README's main job promises
        // about 5 minutes with the venv cached
        assertThat(plan.plannedSeconds()).isLessThan(5.5 * 60);
    }
}
