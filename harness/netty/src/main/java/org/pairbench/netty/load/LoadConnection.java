package org.pairbench.netty.load;

import io.netty.channel.Channel;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;

/**
 * One keep-alive connection of a worker and the single exchange it may have in flight (no pipelining, as a
 * browser or an HTTP client library would do). Forwards its protocol handlers' callbacks to the worker with
 * itself as context.
 *
 * <p>Confined to the worker's event loop.
 */
final class LoadConnection implements ExchangeListener {
    private final LoadWorker worker;
    Channel channel;
    /** Set while an exchange is in flight. */
    boolean busy;
    /** Connected and past any handshake. */
    boolean open;
    /** The exchange in flight is the unrecorded one of {@link LoadWorker#prime()}. */
    boolean priming;
    long intendedNs;
    long sendNs;
    Phase phase;
    /** Called once when the first connection attempt is settled (ready, failed or closed); then cleared. */
    Runnable onSettled;

    LoadConnection(LoadWorker worker) {
        this.worker = worker;
    }

    void markSent(long intendedNs, long sendNs, Phase phase) {
        this.busy = true;
        this.intendedNs = intendedNs;
        this.sendNs = sendNs;
        this.phase = phase;
    }

    void settle() {
        Runnable r = onSettled;
        onSettled = null;
        if (r != null) {
            r.run();
        }
    }

    @Override
    public void onReady() {
        worker.onReady(this);
    }

    @Override
    public void onAnswer(Outcome outcome, boolean keepOpen) {
        worker.onAnswer(this, outcome, keepOpen);
    }

    @Override
    public void onClosed() {
        worker.onClosed(this);
    }
}
