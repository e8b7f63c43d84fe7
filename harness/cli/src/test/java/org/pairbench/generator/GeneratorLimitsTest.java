package org.pairbench.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.StepSpec;

/** The rule that marks a step INVALID: the generator, not the target, limited it. */
class GeneratorLimitsTest {
    private static final Duration S = Duration.ofSeconds(1);
    private static final StepSpec OPEN = new StepSpec.OpenLoop("hello", 1000, 8, S, S, S);
    private static final StepSpec CLOSED = new StepSpec.ClosedLoop("hello", 64, S, S, S);
    /** 1 ms of lag at p99, 90% of 2 cores. */
    private static final GeneratorLimits LIMITS = new GeneratorLimits(Duration.ofMillis(1), 0.9, 2);

    @Test
    void anOpenLoopStepIsInvalidOnlyWhenItsLagExceedsTheLimit() {
        assertThat(LIMITS.invalidReason(OPEN, 999, 0)).isNull();
        assertThat(LIMITS.invalidReason(OPEN, 1000, 0)).isNull(); // at the limit: still valid
        assertThat(LIMITS.invalidReason(OPEN, 1001, 0)).isEqualTo("generator lag p99 1.00ms > 1.00ms: the "
                + "generator, not the target, fell behind its schedule");
        assertThat(LIMITS.invalidReason(OPEN, 117_000, 0)).startsWith("generator lag p99 117ms > 1.00ms");
    }

    @Test
    void anOpenLoopStepIsNotJudgedByItsCpu() {
        // it polls before each send on purpose: a busy core is how it keeps its schedule
        assertThat(LIMITS.invalidReason(OPEN, 10, 1.0)).isNull();
    }

    @Test
    void aClosedLoopStepIsInvalidOnlyWhenItsCpuShareExceedsTheLimit() {
        assertThat(LIMITS.invalidReason(CLOSED, 0, 0.9)).isNull();
        assertThat(LIMITS.invalidReason(CLOSED, 0, 0.95)).isEqualTo("generator CPU at 95% of its 2 core(s) "
                + "(limit 90%): it may have limited the load");
    }

    @Test
    void aClosedLoopStepIsNotJudgedByItsLag() {
        // no schedule to fall behind: each connection sends when the previous answer arrives
        assertThat(LIMITS.invalidReason(CLOSED, 1_000_000, 0.1)).isNull();
    }
}
