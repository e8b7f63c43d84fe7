package org.pairbench.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.GeneratorCheck;
import org.pairbench.core.result.GeneratorHealth;

/**
 * The rule that marks a step INVALID (the generator, not the target, limited it) as the runner applies it: the
 * limits it passes to {@link GeneratorCheck}. The rule's own cases are {@code GeneratorCheckTest}'s.
 */
class GeneratorLimitsTest {
    /** A 200 us floor, 90% of 2 cores, the platform's hiccup p99 at 60 us. */
    private static final GeneratorLimits LIMITS = new GeneratorLimits(Duration.ofMillis(1).dividedBy(5), 0.9, 2,
            60.0);

    private static GeneratorHealth open(double cpu, double poll, double lagP99Us, double correctedP99Us) {
        return GeneratorCheck.judge(new GeneratorCheck.Measured(true, cpu, poll, lagP99Us, lagP99Us,
                correctedP99Us, LIMITS.platformP99Us()), LIMITS.check());
    }

    @Test
    void theLimitsCarryTheFloorTheShareTheBusyLimitAndTheCores() {
        GeneratorCheck.Limits check = LIMITS.check();
        assertThat(check.lagFloorUs()).isEqualTo(200);
        assertThat(check.lagShare()).isEqualTo(GeneratorCheck.Limits.DEFAULT_LAG_SHARE);
        assertThat(check.maxBusyShare()).isEqualTo(0.9);
        assertThat(check.cores()).isEqualTo(2);
    }

    @Test
    void anOpenLoopStepIsInvalidWhenItsLagPassesTheLargerOfTheFloorAndATenthOfItsP99() {
        assertThat(open(0.1, 0, 200, 1000).valid()).isTrue(); // at the floor: still valid
        assertThat(open(0.1, 0, 201, 1000).invalidReason()).startsWith("generator lag p99 201us > 200us");
        assertThat(open(0.1, 0, 900, 10_000).valid()).isTrue(); // a tenth of a 10 ms p99
        assertThat(open(0.1, 0, 117_000, 200_000).invalidReason()).startsWith("generator lag p99 117.00ms > 20.00ms");
    }

    @Test
    void pollingIsNotLoadButAGeneratorOutOfCpuIsInvalidInOpenLoopToo() {
        assertThat(open(1.0, 0.8, 10, 1000).valid()).isTrue();
        assertThat(open(0.95, 0, 10, 1000).invalidReason()).contains("busy 95% of its 2 core(s)");
    }

    @Test
    void aClosedLoopStepIsJudgedByItsCpuNotItsLag() {
        GeneratorHealth busy = GeneratorCheck.judge(new GeneratorCheck.Measured(false, 0.95, 0, 0, 0, 500, null),
                LIMITS.check());
        assertThat(busy.invalidReason()).isEqualTo("generator busy 95% of its 2 core(s) (limit 90%, polling "
                + "excluded): it ran out of CPU and may have limited the load");
        assertThat(GeneratorCheck.judge(new GeneratorCheck.Measured(false, 0.1, 0, 1_000_000, 1_000_000, 500, null),
                LIMITS.check()).valid()).isTrue();
    }
}
