package org.pairbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetResourcesTest {
    @Test
    void cpuPerRequestIsTheQuotientOverTheSamePeriod() {
        TargetResources r = TargetResources.measured(0.5, 10_000, 1L << 20, "/proc", null, null);
        assertThat(r.cpuSecondsPerRequest()).isEqualTo(50e-6);
        assertThat(r.cpuPerRequestWithheld()).isNull();
    }

    @Test
    void aFigureNoServiceCanReachIsWithheldWithTheReason() {
        // tcp-echo's saturated step in results/reference: 0.004 CPU-s over 40,000 requests counted by send time
        TargetResources r = TargetResources.measured(0.004, 40_000, 1L << 20, "/proc", null, null);
        assertThat(r.cpuSecondsPerRequest()).isNull();
        assertThat(r.cpuPerRequestWithheld()).startsWith("0.100 us of target CPU per request (0.0040 CPU-s over "
                + "40000 requests) is below the 1 us");
        // exactly at the bound it is kept
        assertThat(TargetResources.measured(0.04, 40_000, 0, "/proc", null, null).cpuSecondsPerRequest())
                .isEqualTo(1e-6);
    }

    @Test
    void noCompletedRequestLeavesNoFigureAndNoReason() {
        TargetResources r = TargetResources.measured(0.2, 0, 0, "/proc", null, null);
        assertThat(r.cpuSecondsPerRequest()).isNull();
        assertThat(r.cpuPerRequestWithheld()).isNull();
    }
}
