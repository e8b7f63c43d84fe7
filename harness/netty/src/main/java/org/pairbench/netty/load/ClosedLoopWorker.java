package org.pairbench.netty.load;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;

/**
 * Each connection sends its next request as soon as the previous one is answered, until the step ends (the wrk
 * and TechEmpower model). There is no schedule, so the intended time of a request is its send time and the
 * corrected and uncorrected views coincide; closed-loop steps find the saturation knee, open-loop steps measure
 * latency honestly. A request belongs to the phase in which it was sent. Confined to its event loop.
 */
final class ClosedLoopWorker extends LoadWorker {

    ClosedLoopWorker(EventLoop loop, Connector connector, NanoClock clock, WorkerRecorder recorder, LoadTarget target,
                     int connections) {
        super(loop, connector, clock, recorder, target, connections);
    }

    @Override
    void onStart() {
        while (!idle.isEmpty()) {
            onConnectionIdle(idle.poll());
        }
        long untilEnd = timeline.endNs() - clock.nanoTime();
        loop.schedule(this::end, Math.max(0, untilEnd), TimeUnit.NANOSECONDS);
    }

    @Override
    void onConnectionIdle(LoadConnection c) {
        long now = clock.nanoTime();
        if (now >= timeline.endNs()) {
            idle.add(c);
            end();
            return;
        }
        send(c, now, timeline.phaseOf(now), false);
    }

    @Override
    void onTimeoutScan(long nowNs) {
        // nothing queues in a closed loop
    }

    @Override
    boolean isPastEnd(long nowNs) {
        return nowNs >= timeline.endNs();
    }

    @Override
    boolean hasPendingWork() {
        return false;
    }
}
