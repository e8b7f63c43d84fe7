package org.pairbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratorCheckTest {
    private static final GeneratorCheck.Limits LIMITS = new GeneratorCheck.Limits(200, 0.10, 0.90, 1);

    private static GeneratorHealth open(double cpu, double poll, double lagP99Us, double correctedP99Us,
                                        Double platformP99Us) {
        return GeneratorCheck.judge(new GeneratorCheck.Measured(true, cpu, poll, lagP99Us, lagP99Us * 2,
                correctedP99Us, platformP99Us), LIMITS);
    }

    @Test
    void lagUnderTheFloorIsAlwaysValid() {
        GeneratorHealth h = open(0.2, 0, 150, 300, null);
        assertThat(h.valid()).isTrue();
        assertThat(h.lagBoundUs()).isEqualTo(200);
    }

    @Test
    void theBoundGrowsWithTheLatenciesTheStepCompares() {
        // 900 us of lag next to a 20 ms p99 moves it by under 5%: valid, where a fixed 1 ms rule and a fixed
        // 200 us rule would disagree
        GeneratorHealth h = open(0.2, 0, 900, 20_000, null);
        assertThat(h.valid()).isTrue();
        assertThat(h.lagBoundUs()).isEqualTo(2000);
    }

    @Test
    void lagThatIsABigPartOfTheP99IsInvalidAndSaysWhy() {
        GeneratorHealth h = open(0.2, 0, 900, 2_000, null);
        assertThat(h.valid()).isFalse();
        assertThat(h.invalidReason()).contains("generator lag p99 900us > 200us").contains("waited inside the "
                + "generator").doesNotContain("platform");
    }

    @Test
    void aStallingPlatformIsNamedInTheReason() {
        GeneratorHealth h = open(0.2, 0, 900, 2_000, 600.0);
        assertThat(h.valid()).isFalse();
        assertThat(h.invalidReason()).contains("the platform itself stalls (hiccup p99 600us");
        assertThat(open(0.2, 0, 900, 2_000, 50.0).invalidReason()).doesNotContain("platform");
    }

    @Test
    void aGeneratorOutOfCpuIsInvalidInOpenAndClosedLoopAlike() {
        GeneratorHealth openLoop = open(0.97, 0, 10, 300, null);
        assertThat(openLoop.valid()).isFalse();
        assertThat(openLoop.invalidReason()).contains("busy 97%").contains("ran out of CPU");
        GeneratorHealth closed = GeneratorCheck.judge(new GeneratorCheck.Measured(false, 0.95, 0, 0, 0, 500, null),
                LIMITS);
        assertThat(closed.valid()).isFalse();
        assertThat(closed.lagBoundUs()).isNull();
    }

    @Test
    void pollingForSendTimesIsNotLoad() {
        // a generator that polls between sends reads 100% CPU; half of it was waiting for the next send time
        GeneratorHealth h = open(1.0, 0.5, 10, 300, null);
        assertThat(h.valid()).isTrue();
        assertThat(h.cpuUtilization()).isEqualTo(1.0);
        assertThat(h.busyUtilization()).isEqualTo(0.5);
    }

    @Test
    void closedLoopIsNotJudgedOnLag() {
        GeneratorHealth h = GeneratorCheck.judge(new GeneratorCheck.Measured(false, 0.5, 0, 5_000, 9_000, 100,
                null), LIMITS);
        assertThat(h.valid()).isTrue();
    }
}
