package org.pairbench.netty.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pairbench.core.schedule.StepTimeline;

/**
 * A step whose workers are sending. Its {@link #timeline()} tells the sampler when the warm-up ends and the
 * measurement ends; {@link #completion()} completes once every request has an outcome.
 *
 * <p>Threading: safe to query from the runner's thread while the workers run.
 */
public final class RunningStep {
    private final StepTimeline timeline;
    private final List<LoadWorker> workers;
    private final CompletableFuture<Void> completion;
    private final int openedConnections;
    private final int requestedConnections;

    RunningStep(StepTimeline timeline, List<LoadWorker> workers, int openedConnections, int requestedConnections) {
        this.timeline = timeline;
        this.workers = List.copyOf(workers);
        this.completion = CompletableFuture.allOf(workers.stream().map(LoadWorker::drained)
                .toArray(CompletableFuture[]::new));
        this.openedConnections = openedConnections;
        this.requestedConnections = requestedConnections;
    }

    public StepTimeline timeline() {
        return timeline;
    }

    public CompletableFuture<Void> completion() {
        return completion;
    }

    /** Connections open when the step started; fewer than requested means the target refused some. */
    public int openedConnections() {
        return openedConnections;
    }

    public int requestedConnections() {
        return requestedConnections;
    }

    /** Stops sending now (Ctrl-C, target died): in-flight requests still get their outcome or time out. */
    public void stop() {
        for (LoadWorker w : workers) {
            w.loop.execute(w::end);
        }
    }

    /** Reconnections made during the step, over all workers (read after completion). */
    public long reconnects() {
        long n = 0;
        for (LoadWorker w : workers) {
            n += w.reconnects();
        }
        return n;
    }
}
