package org.pairbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planned wall time's arithmetic: load plus the overheads the runner spends around it. */
class PlannedWallTimeTest {
    private static final double EPS = 1e-9;

    private static LoadProfile service(Duration trialWarmup, List<StepSpec> steps) {
        return new LoadProfile("p", 5, trialWarmup, 4, steps, null);
    }

    private static LoadProfile inProcess(List<String> pyperf, Duration valueTime, String... cases) {
        return new LoadProfile("p", 5, Duration.ZERO, 1, java.util.Arrays.stream(cases)
                .<StepSpec>map(StepSpec.InProcess::new).toList(), null, pyperf, Duration.ofMinutes(10), valueTime);
    }

    @Test
    void aServiceTrialIsItsStartItsWarmupAndEachStepWithTheirOverheads() {
        StepSpec step = new StepSpec.ClosedLoop("hello", 64, Duration.ofMillis(300), Duration.ofMillis(1500),
                Duration.ofSeconds(2));
        double trial = PlannedWallTime.trialSeconds(service(Duration.ofSeconds(1), List.of(step, step)), false);
        assertThat(trial).isCloseTo(PlannedWallTime.TARGET_START_SEC + 1 + PlannedWallTime.STEP_OVERHEAD_SEC
                + 2 * (1.8 + PlannedWallTime.STEP_OVERHEAD_SEC), within(EPS));
        // no trial warm-up: neither its load nor its overhead
        assertThat(PlannedWallTime.trialSeconds(service(Duration.ZERO, List.of(step)), false))
                .isCloseTo(PlannedWallTime.TARGET_START_SEC + 1.8 + PlannedWallTime.STEP_OVERHEAD_SEC, within(EPS));
    }

    @Test
    void aWorkloadAddsItsParityRoundToEveryTrialOfEveryVariant() {
        StepSpec step = new StepSpec.ClosedLoop("hello", 1, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(2));
        LoadProfile p = service(Duration.ZERO, List.of(step));
        assertThat(PlannedWallTime.workloadSeconds(4, p, 5, false)).isCloseTo(
                4 * PlannedWallTime.PARITY_PER_VARIANT_SEC + 20 * PlannedWallTime.trialSeconds(p, false),
                within(EPS));
    }

    @Test
    void aPyperfRunIsEveryWorkerOfEveryCaseWithACalibrationWorkerWhenTheLoopsAreNotGiven() {
        double worker = PlannedWallTime.PYPERF_WORKER_SEC + 4 * 0.15; // 1 warm-up and 3 values of 150 ms
        double calibrated = PlannedWallTime.trialSeconds(inProcess(List.of("--processes", "2", "--values", "3",
                "--warmups", "1"), Duration.ZERO, "a", "b"), true);
        assertThat(calibrated).isCloseTo(PlannedWallTime.PROGRAM_START_SEC + 2 * 3 * worker, within(EPS));
        double fixedLoops = PlannedWallTime.trialSeconds(inProcess(List.of("-p", "2", "--values=3", "--loops", "1"),
                Duration.ZERO, "a", "b"), true);
        assertThat(fixedLoops).isCloseTo(PlannedWallTime.PROGRAM_START_SEC + 2 * 2 * worker, within(EPS));
        // the profile's value-time replaces pyperf's calibrated value
        double slow = PlannedWallTime.trialSeconds(inProcess(List.of("--processes", "1", "--values", "2",
                "--warmups", "1", "--loops", "1"), Duration.ofMillis(1700), "jobs"), true);
        assertThat(slow).isCloseTo(PlannedWallTime.PROGRAM_START_SEC + PlannedWallTime.PYPERF_WORKER_SEC + 3 * 1.7,
                within(EPS));
        assertThat(PlannedWallTime.paritySeconds(4, true)).isZero();
    }

    @Test
    void pyperfsOwnDefaultsApplyWhenTheProfileGivesNoneOrNotANumber() {
        double worker = PlannedWallTime.PYPERF_WORKER_SEC + 4 * 0.15;
        assertThat(PlannedWallTime.trialSeconds(inProcess(List.of("--processes", "many"), Duration.ZERO, "a"), true))
                .isCloseTo(PlannedWallTime.PROGRAM_START_SEC + 21 * worker, within(EPS));
    }
}
