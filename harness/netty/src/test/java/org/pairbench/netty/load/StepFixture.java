package org.pairbench.netty.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.Histograms;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.http.HttpTarget;

/** Runs one step to completion and gathers what its workers recorded, for tests. */
final class StepFixture {
    static final RequestSpec HELLO = new RequestSpec("hello", "GET", "/", Map.of());

    final List<WorkerRecorder> recorders = new ArrayList<>();
    RunningStep running;

    StepFixture run(LoadDriver driver, InetSocketAddress address, StepSpec step, long expectedBody)
            throws Exception {
        return run(driver, address, step, expectedBody, false);
    }

    /** With {@code primed}: each connection answered once, unrecorded, before the step starts. */
    StepFixture run(LoadDriver driver, InetSocketAddress address, StepSpec step, long expectedBody, boolean primed)
            throws Exception {
        for (int i = 0; i < driver.workerCount(); i++) {
            recorders.add(new WorkerRecorder());
        }
        running = driver.start(new HttpTarget(address, HELLO, expectedBody, step.timeout()), step, recorders,
                primed);
        running.completion().get(step.warmup().plus(step.duration()).plus(step.timeout()).toSeconds() + 30,
                TimeUnit.SECONDS);
        return this;
    }

    private final Map<String, Histogram> taken = new java.util.HashMap<>();

    /** Everything recorded for a phase and view (taken from the recorders once, then cached). */
    Histogram histogram(Phase phase, LatencyView view) {
        return taken.computeIfAbsent(view.tag(phase), tag -> {
            Histogram h = Histograms.newHistogram();
            for (WorkerRecorder r : recorders) {
                h.add(r.intervalHistogram(phase, view));
            }
            return h;
        });
    }

    long count(Phase phase, Outcome outcome) {
        long n = 0;
        for (WorkerRecorder r : recorders) {
            n += r.count(phase, outcome);
        }
        return n;
    }

    long total(Phase phase) {
        long n = 0;
        for (Outcome o : Outcome.values()) {
            n += count(phase, o);
        }
        return n;
    }

    static StepSpec.OpenLoop open(double rate, int connections, Duration warmup, Duration duration, Duration timeout) {
        return new StepSpec.OpenLoop("hello", rate, connections, warmup, duration, timeout);
    }
}
