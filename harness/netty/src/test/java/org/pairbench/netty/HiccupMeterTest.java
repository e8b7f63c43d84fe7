package org.pairbench.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.pairbench.core.schedule.NanoClock;

class HiccupMeterTest {

    /** A clock that moves 10 us per read, and jumps 500 us once: a stall the spinning meter must see. */
    private static final class SteppingClock implements NanoClock {
        long now;
        int reads;

        @Override
        public long nanoTime() {
            reads++;
            now += reads == 50 ? 500_000 : 10_000;
            return now;
        }
    }

    @Test
    void spinningRecordsTheLongestGapOfEachPeriod() {
        SteppingClock clock = new SteppingClock();
        // 10 periods of 100 us; every gap is 10 us but one of 500 us
        Histogram h = HiccupMeter.record(clock, HiccupMeter.Mode.SPIN, 1_000_000, 100_000);
        assertThat(h.getMaxValue()).isEqualTo(h.highestEquivalentValue(500_000));
        assertThat(h.getMinValue()).isEqualTo(h.lowestEquivalentValue(10_000));
        assertThat(h.getTotalCount()).isEqualTo(h.getCountAtValue(10_000) + 1);
    }
}
