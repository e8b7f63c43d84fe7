package org.pairbench.netty.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.StepTimeline;

/**
 * The part of a step that runs on one event loop: a share of the connections, the sending, the outcome of every
 * exchange, timeouts and reconnection. Subclasses decide when to send ({@link OpenLoopWorker} on a schedule,
 * {@link ClosedLoopWorker} back to back); the {@link LoadProtocol} decides what an exchange is (HTTP request,
 * TCP echo, WebSocket echo). A connection counts as open once it is ready: connected, and past its handshake
 * when the protocol has one.
 *
 * <p>Threading: everything after construction runs on {@link #loop}; the public entry points hop onto it. Results
 * go to the worker's own {@link WorkerRecorder} (single writer). The {@link #drained()} future completes, on the
 * loop, once the step is over and nothing is in flight or queued.
 */
abstract class LoadWorker {
    /** How often in-flight and queued requests are checked against the timeout. */
    static final long TIMEOUT_SCAN_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Pause before reconnecting after a failed connection attempt during a step. */
    static final long RECONNECT_BACKOFF_NS = TimeUnit.MILLISECONDS.toNanos(100);

    final EventLoop loop;
    final NanoClock clock;
    final WorkerRecorder recorder;
    final LoadTarget target;
    final long timeoutNs;
    private final LoadProtocol protocol;
    private final Connector connector;
    private final List<LoadConnection> connections = new ArrayList<>();
    /** Open connections with nothing in flight. */
    final ArrayDeque<LoadConnection> idle = new ArrayDeque<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    /** The step's timeline, set once by {@link #start}; null while connections open. */
    StepTimeline timeline;
    /** True from start until the step's end has passed; then only in-flight work finishes. */
    boolean running;
    private ScheduledFuture<?> timeoutScan;
    private long reconnects;
    private boolean released;
    /** Set once the worker closes its connections itself: their closing is no error. */
    private boolean closing;
    /** While {@link #prime()} runs: what it completes, exchanges still unanswered, connections answered. */
    private CompletableFuture<Integer> primed;
    private int primesPending;
    private int primedCount;

    LoadWorker(EventLoop loop, Connector connector, NanoClock clock, WorkerRecorder recorder, LoadTarget target,
               int connectionCount) {
        this.loop = loop;
        this.clock = clock;
        this.recorder = recorder;
        this.target = target;
        this.timeoutNs = target.timeout().toNanos();
        this.protocol = target.newProtocol();
        this.connector = connector;
        for (int i = 0; i < connectionCount; i++) {
            connections.add(new LoadConnection(this));
        }
    }

    /**
     * Opens every connection; completes when each is ready or has failed, with the number ready. A connection that
     * failed is tried again once the step runs.
     */
    CompletableFuture<Integer> connectAll() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (connections.isEmpty()) {
                done.complete(0);
                return;
            }
            AtomicInteger pending = new AtomicInteger(connections.size());
            for (LoadConnection c : connections) {
                c.onSettled = () -> {
                    if (pending.decrementAndGet() == 0) {
                        done.complete(openCount());
                    }
                };
                connect(c);
            }
        });
        return done;
    }

    private ChannelFuture connect(LoadConnection c) {
        ChannelFuture f = connector.connect(new Pipeline(c));
        c.channel = f.channel();
        f.addListener(result -> {
            if (result.isSuccess()) {
                if (!protocol.needsHandshake()) {
                    onReady(c);
                }
            } else {
                recorder.recordConnectError();
                c.settle();
                if (running) {
                    loop.schedule(() -> reconnect(c), RECONNECT_BACKOFF_NS, TimeUnit.NANOSECONDS);
                }
                checkDrained();
            }
        });
        return f;
    }

    /** The connection is connected and past any handshake: it may carry exchanges. */
    final void onReady(LoadConnection c) {
        c.open = true;
        c.settle();
        if (running || timeline == null) {
            becomeIdle(c);
        } else {
            c.channel.close();
        }
    }

    private void reconnect(LoadConnection c) {
        if (running) {
            reconnects++;
            connect(c);
        } else {
            checkDrained();
        }
    }

    private int openCount() {
        int n = 0;
        for (LoadConnection c : connections) {
            n += c.open ? 1 : 0;
        }
        return n;
    }

    /**
     * Sends one exchange, not recorded, on every open connection before the step starts, and completes with the
     * number answered once each has its answer or has closed: each connection is then one the target accepted
     * and served (a probe must not measure how long a busy server takes to accept it).
     */
    CompletableFuture<Integer> prime() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        loop.execute(() -> {
            List<LoadConnection> ready = new ArrayList<>(idle);
            idle.clear();
            primed = done;
            primesPending = ready.size();
            primedCount = 0;
            if (ready.isEmpty()) {
                done.complete(0);
            }
            for (LoadConnection c : ready) {
                c.priming = true;
                c.busy = true;
                protocol.send(c.channel);
            }
        });
        return done;
    }

    /** A priming exchange ended (answered or not); the last one completes {@link #prime()}. */
    private void primeSettled(LoadConnection c, boolean answered) {
        c.priming = false;
        c.busy = false;
        primedCount += answered ? 1 : 0;
        if (--primesPending == 0) {
            primed.complete(primedCount);
        }
    }

    /** Starts sending on the step's timeline (the same object for every worker of the step). */
    void start(StepTimeline t) {
        loop.execute(() -> {
            timeline = t;
            running = true;
            timeoutScan = loop.scheduleAtFixedRate(this::scanTimeouts, TIMEOUT_SCAN_NS, TIMEOUT_SCAN_NS,
                    TimeUnit.NANOSECONDS);
            onStart();
        });
    }

    /** Completes once the step is over and every request has its outcome. */
    CompletableFuture<Void> drained() {
        return drained;
    }

    long reconnects() {
        return reconnects;
    }

    /** Sends one exchange on an idle connection and records the send lag against its intended time. */
    final void send(LoadConnection c, long intendedNs, Phase phase, boolean recordSendLag) {
        long sendNs = clock.nanoTime();
        c.markSent(intendedNs, sendNs, phase);
        if (recordSendLag) {
            recorder.recordSendLag(phase, sendNs - intendedNs);
        }
        if (intendedNs < timeline.endNs() && sendNs >= timeline.endNs()) {
            recorder.countWindow(WorkerRecorder.WindowCount.UNSENT_AT_CLOSE);
        }
        protocol.send(c.channel);
    }

    /** The exchange in flight on {@code c} ended at {@code doneNs}: records it and places it against the window. */
    private void complete(LoadConnection c, long doneNs, Outcome outcome) {
        c.busy = false;
        recorder.recordCompletion(c.phase, c.intendedNs, c.sendNs, doneNs, outcome);
        if (outcome.answered() && timeline.inMeasuredWindow(doneNs)) {
            recorder.countWindow(WorkerRecorder.WindowCount.COMPLETED_IN_WINDOW);
        } else if (c.sendNs < timeline.endNs() && doneNs >= timeline.endNs()) {
            recorder.countWindow(WorkerRecorder.WindowCount.IN_FLIGHT_AT_CLOSE);
        }
    }

    final void onAnswer(LoadConnection c, Outcome outcome, boolean keepOpen) {
        long doneNs = clock.nanoTime();
        if (!c.busy) {
            // an answer to nothing: the server is confused; count it and drop the connection
            if (timeline != null) {
                recorder.recordCompletion(timeline.phaseOf(doneNs), doneNs, doneNs, doneNs, Outcome.BAD_RESPONSE);
            }
            c.channel.close();
            return;
        }
        if (c.priming) {
            primeSettled(c, outcome == Outcome.OK && keepOpen);
            if (keepOpen) {
                becomeIdle(c);
            } else {
                c.channel.close();
            }
            return;
        }
        complete(c, doneNs, outcome);
        if (keepOpen) {
            becomeIdle(c);
        } else {
            c.channel.close();
        }
    }

    final void onClosed(LoadConnection c) {
        c.settle();
        boolean wasReady = c.open;
        c.open = false;
        idle.remove(c);
        if (c.priming) {
            primeSettled(c, false);
        } else if (c.busy) {
            complete(c, clock.nanoTime(), Outcome.RESET);
        }
        if (!wasReady && !closing) {
            // connected but closed before its handshake completed (refused, failed, timed out): a failed
            // connection attempt like a refused connect, retried after the same pause
            recorder.recordConnectError();
            if (running) {
                loop.schedule(() -> reconnect(c), RECONNECT_BACKOFF_NS, TimeUnit.NANOSECONDS);
            } else {
                checkDrained();
            }
            return;
        }
        if (running) {
            reconnect(c);
        } else {
            checkDrained();
        }
    }

    private void becomeIdle(LoadConnection c) {
        if (running) {
            onConnectionIdle(c);
        } else {
            idle.add(c);
            checkDrained();
        }
    }

    private void scanTimeouts() {
        long now = clock.nanoTime();
        for (LoadConnection c : connections) {
            if (c.busy && !c.priming && now - c.sendNs >= timeoutNs) {
                complete(c, c.sendNs + timeoutNs, Outcome.TIMEOUT);
                // the answer may still come; HTTP/1.1 cannot cancel, so the connection is replaced
                c.channel.close();
            }
        }
        onTimeoutScan(now);
        if (running && isPastEnd(now)) {
            running = false;
            onEnd();
        }
        checkDrained();
    }

    /** Marks the step as ended for this worker: no new requests; in-flight and queued ones finish. */
    final void end() {
        if (running) {
            running = false;
            onEnd();
        }
        checkDrained();
    }

    final void checkDrained() {
        if (running || drained.isDone() || timeline == null || hasPendingWork()) {
            return;
        }
        for (LoadConnection c : connections) {
            if (c.busy) {
                return;
            }
        }
        if (timeoutScan != null) {
            timeoutScan.cancel(false);
        }
        closeAll();
        drained.complete(null);
    }

    /** Gives up a worker that never started (its step could not run): closes what opened, frees the request. */
    void abandon() {
        loop.execute(this::closeAll);
    }

    private void closeAll() {
        closing = true;
        for (LoadConnection c : connections) {
            if (c.channel != null) {
                c.channel.close();
            }
        }
        idle.clear();
        if (!released) {
            released = true;
            protocol.release();
        }
    }

    /** Called once on the loop when the step starts. */
    abstract void onStart();

    /** A connection is open and free while the step runs: send on it now, or keep it in {@link #idle}. */
    abstract void onConnectionIdle(LoadConnection c);

    /** Called every {@link #TIMEOUT_SCAN_NS}: give up on queued requests that waited past the timeout. */
    abstract void onTimeoutScan(long nowNs);

    /** Whether the worker has passed its last send and should stop (checked every scan). */
    abstract boolean isPastEnd(long nowNs);

    /** Called once when the worker stops sending. */
    void onEnd() {
    }

    /** Requests due or still to come that are not on the wire yet. */
    abstract boolean hasPendingWork();

    /** The protocol's handlers on a new connection, reporting to that connection's {@link LoadConnection}. */
    private final class Pipeline extends ChannelInitializer<Channel> {
        private final LoadConnection connection;

        Pipeline(LoadConnection connection) {
            this.connection = connection;
        }

        @Override
        protected void initChannel(Channel ch) {
            protocol.initChannel(ch, connection);
        }
    }
}
