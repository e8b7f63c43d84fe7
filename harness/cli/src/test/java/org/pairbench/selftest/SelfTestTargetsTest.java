package org.pairbench.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelfTestTargetsTest {
    private static SelfTestFigures.Accuracy row(double serviceUs, double rate, double p50Err, double p99Err) {
        return new SelfTestFigures.Accuracy(serviceUs, rate, 0, 0, p50Err, p99Err);
    }

    @Test
    void accuracyIsJudgedAtHalfOfCapacityForEachServiceTime() {
        var targets = SelfTestTargets.judge(List.of(row(1000, 100, 50, 50), row(1000, 500, 4, -3),
                row(5000, 100, 1, 1), row(5000, 500, 1, 6)), null);
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).met()).isTrue();   // 1 ms at the last rate: +4% / -3%
        assertThat(targets.get(1).met()).isFalse();  // 5 ms: p99 +6%
        assertThat(targets.get(1).measured()).contains("p99 +6.0%");
    }

    @Test
    void theWrkRatioMustReachOne() {
        var wrk = new SelfTestFigures.Wrk("wrk 4.1.0", 64, 50_000, 49_000, 0.98, 5, 5, 1.0);
        assertThat(SelfTestTargets.judge(List.of(), wrk)).singleElement()
                .satisfies(t -> assertThat(t.met()).isFalse());
    }
}
