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
        var wrk = new SelfTestFigures.Peer("wrk 4.1.0", 64, 50_000, 49_000, 0.98, 5, 5, 1.0);
        assertThat(SelfTestTargets.judge(List.of(), wrk)).singleElement()
                .satisfies(t -> assertThat(t.met()).isFalse());
    }

    @Test
    void generatorTargetsSayMetOrMissedWithWhatStoppedTheLadder() {
        var capacity = new SelfTestFigures.Capacity(20_000, List.of(5_000.0, 10_000.0, 20_000.0, 30_000.0), 90_000,
                0.9, 64, 100, List.of(8.0, 30.0, 60.0, 400.0), "30k req/s: generator lag p99 400us > 100us");
        var wrk = new SelfTestFigures.Peer("wrk 4.1.0", 64, 100_000, 90_000, 0.9, 1, 1, 1.6);
        var targets = SelfTestTargets.judgeGenerator(capacity, wrk, 25);
        assertThat(targets).hasSize(3);
        assertThat(targets.get(0).met()).isTrue(); // 1.6x per CPU-second
        assertThat(targets.get(1).met()).isFalse();
        assertThat(targets.get(1).measured()).contains("stopped by 30k req/s: generator lag p99 400us");
        assertThat(targets.get(2).met()).isFalse(); // 30 us at 10k, over both 20 us and the platform's 25 us
        assertThat(SelfTestTargets.judgeGenerator(capacity, wrk, 40).get(2).met()).isTrue();
    }
}
