package org.pairbench.netty.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.load.RunningStep;

/**
 * Runs one step of any protocol to completion and counts what its workers recorded, for the echo drivers' tests
 * (the load package's own fixture is bound to HTTP and not visible here).
 */
public final class EchoSteps {
    public final List<WorkerRecorder> recorders = new ArrayList<>();
    public RunningStep running;

    public EchoSteps run(LoadDriver driver, LoadTarget target, StepSpec step) throws Exception {
        for (int i = 0; i < driver.workerCount(); i++) {
            recorders.add(new WorkerRecorder());
        }
        running = driver.start(target, step, recorders);
        running.completion().get(step.warmup().plus(step.duration()).plus(step.timeout()).toSeconds() + 30,
                TimeUnit.SECONDS);
        return this;
    }

    public long count(Phase phase, Outcome outcome) {
        return recorders.stream().mapToLong(r -> r.count(phase, outcome)).sum();
    }

    public long total(Phase phase) {
        long n = 0;
        for (Outcome o : Outcome.values()) {
            n += count(phase, o);
        }
        return n;
    }

    /** Every outcome of both phases. */
    public long all() {
        return total(Phase.WARMUP) + total(Phase.MEASURE);
    }

    public long all(Outcome outcome) {
        return count(Phase.WARMUP, outcome) + count(Phase.MEASURE, outcome);
    }
}
