package org.pairbench.netty.load;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.OpenLoopSchedule;

/**
 * Sends its share of a constant-rate schedule: worker {@code k} of {@code n} owns the requests with global
 * index {@code k, k+n, k+2n, ...}. A timer wakes the loop at each next intended time; every request found due is
 * timestamped with the generator's lag ({@code now - intended}) and then sent on an idle connection, or queued
 * FIFO until one frees up. Latency is measured from the intended time, so waiting in the queue counts, as it
 * would for a real user: this is what the corrected view shows and the uncorrected one hides.
 *
 * <p>Timer wake-ups come tens of microseconds late (timer slack, an idle CPU waking up). To send on time the
 * worker sets its timer {@code spinLeadNs} early and then, instead of sleeping, keeps re-scheduling its tick
 * with no delay: between two ticks the loop polls its sockets without blocking, until the intended time comes. This costs up to
 * {@code spinLeadNs} of CPU per request and is bounded by the rate; 0 turns it off.
 *
 * <p>The queue needs no storage: due-but-unsent requests are the local indices {@code [nextUnsent, nextDue)},
 * whose intended times the schedule recomputes. Confined to its event loop.
 */
final class OpenLoopWorker extends LoadWorker {
    private final long spinLeadNs;
    private final Runnable tickTask = this::tick;
    /** The step timeline's schedule, taken from it on start. */
    private OpenLoopSchedule schedule;
    private final int workerIndex;
    private final int workerCount;
    /** Local index (k-th request of this worker) of the first request not yet due. */
    private long nextDue;
    /** Local index of the first due request not yet sent. */
    private long nextUnsent;
    /** When the current busy poll began, or -1 when not polling. */
    private long pollingSinceNs = -1;

    OpenLoopWorker(EventLoop loop, Connector connector, NanoClock clock, WorkerRecorder recorder, LoadTarget target,
                   int connections, int workerIndex, int workerCount, long spinLeadNs) {
        super(loop, connector, clock, recorder, target, connections);
        this.spinLeadNs = spinLeadNs;
        this.workerIndex = workerIndex;
        this.workerCount = workerCount;
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
        schedule = timeline.schedule();
        tick();
    }

    private void tick() {
        long now = clock.nanoTime();
        long dueBefore = nextDue;
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
                if (nextDue > dueBefore) {
                    endPolling(now);
                }
                if (pollingSinceNs < 0) {
                    pollingSinceNs = now;
                }
                // Busy-poll through the scheduled-task queue, not execute(): a task that re-queues itself with
                // execute() is run again in the same runAllTasks pass, which Netty 4.2 lets last up to its task
                // quantum (100-1000 ms), so the loop stopped reading sockets whenever the lead spanned the gap
                // to the next request (a 2 ms lead at 1000/s completed about 40 of 1000 requests a second, a
                // 50 us lead did the same above 20k/s). A zero-delay scheduled task runs in the next pass, after
                // one non-blocking poll of the sockets.
                loop.schedule(tickTask, 0, TimeUnit.NANOSECONDS);
                return;
            }
            loop.schedule(tickTask, delay - spinLeadNs, TimeUnit.NANOSECONDS);
        } else if (isPastEnd(now)) {
            end();
        }
        endPolling(now);
    }

    /**
     * A poll ends when a request fell due or the loop goes to sleep: its time is a busy wait, counted apart so
     * that a polling generator is not mistaken for a saturated one. The loop also served sockets in between, so
     * this is an upper bound of the waiting; under saturation requests are due at every tick and it stays near 0.
     */
    private void endPolling(long nowNs) {
        if (pollingSinceNs >= 0) {
            recorder.addPollNs(nowNs - pollingSinceNs);
            pollingSinceNs = -1;
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
            if (intended < timeline.endNs() && intended + timeoutNs >= timeline.endNs()) {
                recorder.countWindow(WorkerRecorder.WindowCount.UNSENT_AT_CLOSE);
            }
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
