package org.pairbench.selftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pairbench.console.Format;

/**
 * Judges the self-test's figures against the harness's own targets (issue 7): one generator core sustains at
 * least the throughput of {@code wrk -t1} on the same server (ratio at least 1.0), and measured latency is within
 * 5% of the true service time at p50 and p99 at half of the generator's capacity. The target for the cost of
 * recording a value is checked by the JMH benchmarks, not here. Stateless.
 */
final class SelfTestTargets {
    static final double ACCURACY_PCT = 5;

    private SelfTestTargets() {
    }

    static List<SelfTestFigures.Target> judge(List<SelfTestFigures.Accuracy> accuracy, SelfTestFigures.Wrk wrk) {
        List<SelfTestFigures.Target> out = new ArrayList<>();
        if (wrk != null) {
            out.add(new SelfTestFigures.Target("one generator core sustains at least wrk -t1's throughput "
                    + "(ratio >= 1.0)", String.format(Locale.ROOT, "ratio %.2f", wrk.ratio()), wrk.ratio() >= 1.0));
        }
        // "at half of capacity": the last accuracy row of each service time is the 50% one
        for (int i = 0; i < accuracy.size(); i++) {
            SelfTestFigures.Accuracy a = accuracy.get(i);
            boolean halfOfCapacity = i + 1 == accuracy.size()
                    || accuracy.get(i + 1).serviceTimeUs() != a.serviceTimeUs();
            if (halfOfCapacity) {
                boolean met = Math.abs(a.p50ErrorPct()) <= ACCURACY_PCT && Math.abs(a.p99ErrorPct()) <= ACCURACY_PCT;
                out.add(new SelfTestFigures.Target(String.format(Locale.ROOT,
                        "latency within %.0f%% of a %s service time at p50 and p99, half of capacity", ACCURACY_PCT,
                        Format.latencyMs(a.serviceTimeUs() / 1e3)), String.format(Locale.ROOT,
                        "p50 %+.1f%%, p99 %+.1f%% at %s req/s", a.p50ErrorPct(), a.p99ErrorPct(),
                        Format.rate(a.ratePerSec())), met));
            }
        }
        return out;
    }
}
