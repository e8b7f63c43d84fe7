package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.LoadProfile;

/**
 * The full suite (the reference run) as its workload files plan it: about an hour of wall time on the 2-core
 * machine, every claim judged over at least 5 trials, each workload with its A/A twin (issue 18). A profile that
 * grows past the hour, or a trial count cut below 5, fails here before anyone runs it.
 */
class FullSuitePlanTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    private static final RunPlan FULL = Runs.plan(new RunOptions(PROJECT, "full", List.of(), Path.of("/tmp/x"),
            "local", 0, 1, "", "", Duration.ofMillis(1), Duration.ZERO, false, List.of()));

    @Test
    void theFullSuitePlansToAtMostSixtyFiveMinutes() {
        assertThat(FULL.plannedSeconds() / 60).as("the full suite's planned wall time, minutes")
                .isLessThanOrEqualTo(65);
    }

    @Test
    void everyWorkloadRunsAtLeastFiveTrialsOfEveryVariantAndItsAaTwin() {
        for (RunPlan.WorkloadPlan w : FULL.workloads()) {
            LoadProfile full = w.profile();
            String name = w.workload().name();
            assertThat(full.trials()).as(name + ": full profile's trials").isGreaterThanOrEqualTo(5);
            assertThat(w.workload().variants()).as(name + ": the A/A twin is measured")
                    .containsKey(full.aaVariant() + LoadProfile.AA_SUFFIX);
            assertThat(w.trials()).as(name).hasSize(w.workload().variants().size() * full.trials());
        }
    }
}
