package org.pairbench.netty.load;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.StepTimeline;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.Transport;

/**
 * Runs load steps against one target, whatever its protocol (HTTP/1.1, TCP echo, WebSocket echo: the
 * {@link LoadTarget} brings its {@link LoadProtocol}): spreads the step's connections over the event loops of the
 * generator's group (one worker per loop), opens them all before the clock starts, then builds the step's one
 * {@link StepTimeline} and starts every worker on it. Returns a {@link RunningStep} whose completion the caller
 * waits for while it samples the workers' recorders.
 *
 * <p>Threading: {@link #start} is called from the runner's thread and blocks only while connections open.
 */
public final class LoadDriver {
    /** Time between the last connection opening and the first intended send. */
    private static final long START_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How much longer than the step's timeout primed connections may take to answer their first request. */
    static final long PRIME_GRACE_NS = TimeUnit.SECONDS.toNanos(30);
    /**
     * Default for how early open-loop workers start polling before an intended send: 50 us. A longer lead (2 ms,
     * meant to cover a sleeping thread's p99 wake-up lateness of 0.56-1.1 ms on these VMs) kept the loop
     * re-queuing its poll task without pause, and on a quiet machine open-loop steps then completed about 40 of
     * 1000 requests a second with corrected p50 near 1 s (self-test and quick suite, 2026-12-07): the loop starved
     * its own socket reads. The worker now polls through the scheduled-task queue, which lets the loop read its
     * sockets between two polls whatever the lead (OpenLoopCompletionIT); a longer default waits for the
     * self-test on a quiet machine to show it sends closer to time. Polling time is recorded ({@code WorkerRecorder#addPollNs}) and not counted as
     * generator load.
     */
    public static final long DEFAULT_SPIN_LEAD_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private final EventLoopGroup group;
    private final Transport transport;
    private final NanoClock clock;
    private final long spinLeadNs;

    /**
     * @param spinLeadNs how early open-loop workers stop sleeping before an intended send and poll instead
     *                   (see {@link OpenLoopWorker}); 0 to always sleep on a timer
     */
    public LoadDriver(EventLoopGroup group, Transport transport, NanoClock clock, long spinLeadNs) {
        this.group = group;
        this.transport = transport;
        this.clock = clock;
        this.spinLeadNs = spinLeadNs;
    }

    /** Number of workers a step gets: one per event loop of the group. */
    public int workerCount() {
        int n = 0;
        for (EventExecutor ignored : group) {
            n++;
        }
        return n;
    }

    /**
     * Opens the step's connections and starts it.
     *
     * @param recorders one per worker ({@link #workerCount()}), fresh for this step
     * @throws LoadException when not a single connection could be opened (unless the step holds idle
     *                       connections: then the workers keep trying during the step)
     */
    public RunningStep start(LoadTarget target, StepSpec step, List<WorkerRecorder> recorders)
            throws LoadException, InterruptedException {
        return start(target, step, recorders, false);
    }

    /**
     * Opens the step's connections, with {@code prime}: sends one unrecorded exchange on each and waits for every
     * answer (up to the step's timeout plus {@link #PRIME_GRACE_NS}), then starts it. A probe starts this way
     * before the load, so its figures are the waits of an established client, never a busy server's accept.
     *
     * @throws LoadException also when a primed connection was not answered in time
     */
    public RunningStep start(LoadTarget target, StepSpec step, List<WorkerRecorder> recorders, boolean prime)
            throws LoadException, InterruptedException {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor e : group) {
            loops.add((EventLoop) e);
        }
        if (recorders.size() != loops.size()) {
            throw new IllegalArgumentException("need one recorder per event loop: " + loops.size());
        }
        int workers = Math.min(loops.size(), step.connections());
        List<LoadWorker> created = new ArrayList<>();
        for (int k = 0; k < workers; k++) {
            int connections = step.connections() / workers + (k < step.connections() % workers ? 1 : 0);
            Connector connector = Connector.sockets(loops.get(k), transport, target);
            created.add(step instanceof StepSpec.OpenLoop
                    ? new OpenLoopWorker(loops.get(k), connector, clock, recorders.get(k), target, connections,
                            k, workers, spinLeadNs)
                    : new ClosedLoopWorker(loops.get(k), connector, clock, recorders.get(k), target, connections));
        }
        int open = openAll(created, target);
        // a step that holds idle connections studies a server at its connection limit: there, refusing the active
        // connections is the result, so the step runs and counts every connect error and timeout; elsewhere a
        // target that accepts no connection at all is a broken set-up and the step fails clearly
        if (open == 0 && step.idleConnections() == 0) {
            created.forEach(LoadWorker::abandon);
            throw new LoadException("could not open any connection to " + target.address().getHostString() + ":"
                    + target.address().getPort());
        }
        if (prime) {
            primeAll(created, target, open);
        }
        long nowNs = clock.nanoTime();
        StepTimeline timeline = StepTimeline.of(step, nowNs + START_DELAY_NS,
                clock.epochMillis() + START_DELAY_NS / 1_000_000);
        for (LoadWorker w : created) {
            w.start(timeline);
        }
        return new RunningStep(timeline, created, open, step.connections());
    }

    private void primeAll(List<LoadWorker> workers, LoadTarget target, int open)
            throws LoadException, InterruptedException {
        List<CompletableFuture<Integer>> primes = workers.stream().map(LoadWorker::prime).toList();
        long deadlineNs = clock.nanoTime() + target.timeout().toNanos() + PRIME_GRACE_NS;
        int answered = 0;
        for (CompletableFuture<Integer> p : primes) {
            try {
                answered += p.get(Math.max(1, deadlineNs - clock.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // counted as unanswered below
            }
        }
        if (answered < open) {
            workers.forEach(LoadWorker::abandon);
            throw new LoadException("only " + answered + " of " + open + " connections answered their first request "
                    + "within " + TimeUnit.NANOSECONDS.toSeconds(target.timeout().toNanos() + PRIME_GRACE_NS)
                    + " s before the load");
        }
    }

    private int openAll(List<LoadWorker> workers, LoadTarget target) throws InterruptedException {
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (LoadWorker w : workers) {
            attempts.add(w.connectAll());
        }
        int open = 0;
        long deadlineNs = clock.nanoTime() + target.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (CompletableFuture<Integer> a : attempts) {
            try {
                open += a.get(Math.max(1, deadlineNs - clock.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // counted as connect errors by the worker; the step runs with the connections that opened
            }
        }
        return open;
    }
}
