package org.pairbench.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
    private static final long SEC = 1_000_000_000L;

    @Test
    void intendedTimesComeFromTheIndexNotFromAccumulatedIntervals() {
        // 3 req/s: the interval 333,333,333.33 ns is not whole; summing it would drift by 1 ns per request
        OpenLoopSchedule s = new OpenLoopSchedule(1_000, 0, 10 * SEC, 3);
        assertThat(s.intendedStartNs(0)).isEqualTo(1_000);
        assertThat(s.intendedStartNs(1)).isEqualTo(1_000 + 333_333_333);
        assertThat(s.intendedStartNs(3)).isEqualTo(1_000 + SEC);
        assertThat(s.intendedStartNs(30_000)).isEqualTo(1_000 + 10_000 * SEC);
    }

    @Test
    void countsCoverExactlyTheStep() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 2 * SEC, 5 * SEC, 1000);
        assertThat(s.totalCount()).isEqualTo(7000);
        assertThat(s.warmupCount()).isEqualTo(2000);
        assertThat(s.measuredCount()).isEqualTo(5000);
        assertThat(s.intendedStartNs(s.totalCount() - 1)).isLessThan(7 * SEC);
        assertThat(s.intendedStartNs(s.totalCount())).isGreaterThanOrEqualTo(7 * SEC);
    }

    @Test
    void phaseBoundaryFollowsIntendedTime() {
        OpenLoopSchedule s = new OpenLoopSchedule(500, SEC, SEC, 10);
        long first = s.warmupCount();
        assertThat(s.isWarmup(first - 1)).isTrue();
        assertThat(s.isWarmup(first)).isFalse();
        assertThat(s.intendedStartNs(first - 1)).isLessThan(500 + SEC);
        assertThat(s.intendedStartNs(first)).isGreaterThanOrEqualTo(500 + SEC);
    }

    @Test
    void nonIntegralRatesCountEveryRequestOnce() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 0, 2 * SEC, 2.5);
        assertThat(s.totalCount()).isEqualTo(5);
        assertThat(s.intendedStartNs(4)).isEqualTo(1_600_000_000L);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, SEC, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(0, -1, SEC, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
