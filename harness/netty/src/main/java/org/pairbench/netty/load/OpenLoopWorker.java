package org.pairbench.netty.load;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.OpenLoopSchedule;
import org.pairbench.netty.Transport;

/**
 * Sends its share of a constant-rate schedule: worker {@code k} of {@code n} owns the requests with global
 * index {@code k, k+n, k+2n, ...}. A timer wakes the loop at each next intended time; every request found due is
 * timestamped with the generator's lag ({@code now - intended}) and then sent on an idle connection, or queued
 * FIFO until one frees up. Latency is measured from the intended time, so waiting in the queue counts, as it
 * would for a real user: this is what the corrected view shows and the uncorrected one hides.
 *
 * <p>Timer wake-ups come tens of microseconds late (timer slack, an idle CPU waking up). To send on time the
 * worker sets its timer {@code spinLeadNs} early and then, instead of sleeping, keeps re-queuing its tick on the
 * loop: the loop goes on polling sockets without blocking until the intended time comes. This costs up to
 * {@code spinLeadNs} of CPU per request and is bounded by the rate; 0 turns it off.
 *
 * <p>The queue needs no storage: due-but-unsent requests are the local indices {@code [nextUnsent, nextDue)},
 * whose intended times the schedule recomputes. Confined to its event loop.
 */
final class OpenLoopWorker extends LoadWorker {
    private final long spinLeadNs;
    private final Runnable tickTask = this::tick;
    /** Set by the driver once the timeline is known, before {@link #start}. */
    private OpenLoopSchedule schedule;
    private final int workerIndex;
    private final int workerCount;
    /** Local index (k-th request of this worker) of the first request not yet due. */
    private long nextDue;
    /** Local index of the first due request not yet sent. */
    private long nextUnsent;

    OpenLoopWorker(EventLoop loop, Transport transport, NanoClock clock, WorkerRecorder recorder, LoadTarget target,
                   int connections, int workerIndex, int workerCount, long spinLeadNs) {
        super(loop, transport, clock, recorder, target, connections);
        this.spinLeadNs = spinLeadNs;
        this.workerIndex = workerIndex;
        this.workerCount = workerCount;
    }

    /** Sets the schedule; called before {@link #start}, which publishes it to the loop. */
    void useSchedule(OpenLoopSchedule s) {
        this.schedule = s;
    }

    private long globalIndex(long local) {
        return workerIndex + local * workerCount;
    }

    private boolean scheduleExhausted() {
        return globalIndex(nextDue) >= schedule.totalCount();
    }

    private Phase phaseOf(long local) {
        return schedule.isWarmup(globalIndex(local)) ? Phase.WARMUP : Phase.MEASURE;
    }

    @Override
    void onStart() {
        tick();
    }

    private void tick() {
        long now = clock.nanoTime();
        while (!scheduleExhausted()) {
            long intended = schedule.intendedStartNs(globalIndex(nextDue));
            if (intended > now) {
                break;
            }
            recorder.recordGeneratorLag(phaseOf(nextDue), now - intended);
            nextDue++;
        }
        dispatch();
        if (!scheduleExhausted()) {
            long delay = schedule.intendedStartNs(globalIndex(nextDue)) - clock.nanoTime();
            if (delay <= spinLeadNs) {
                loop.execute(tickTask); // busy-poll: the loop still serves sockets between two ticks
            } else {
                loop.schedule(tickTask, delay - spinLeadNs, TimeUnit.NANOSECONDS);
            }
        } else if (isPastEnd(now)) {
            end();
        }
    }

    private void dispatch() {
        while (nextUnsent < nextDue && !idle.isEmpty()) {
            LoadConnection c = idle.poll();
            send(c, schedule.intendedStartNs(globalIndex(nextUnsent)), phaseOf(nextUnsent), true);
            nextUnsent++;
        }
    }

    @Override
    void onConnectionIdle(LoadConnection c) {
        idle.add(c);
        dispatch();
    }

    @Override
    void onTimeoutScan(long nowNs) {
        while (nextUnsent < nextDue) {
            long intended = schedule.intendedStartNs(globalIndex(nextUnsent));
            if (nowNs - intended < timeoutNs) {
                break;
            }
            recorder.recordUnsent(phaseOf(nextUnsent), intended, intended + timeoutNs);
            nextUnsent++;
        }
    }

    @Override
    boolean isPastEnd(long nowNs) {
        return scheduleExhausted() && nextUnsent == nextDue;
    }

    @Override
    boolean hasPendingWork() {
        return !isPastEnd(0);
    }
}
