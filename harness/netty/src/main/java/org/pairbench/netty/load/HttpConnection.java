package org.pairbench.netty.load;

import io.netty.channel.Channel;
import org.pairbench.core.record.Phase;
import org.pairbench.netty.http.Http1ResponseListener;

/**
 * One keep-alive connection of a worker and the single request it may have in flight (no pipelining, as a
 * browser or an HTTP client library would do). Forwards its handler's callbacks to the worker with itself as
 * context.
 *
 * <p>Confined to the worker's event loop.
 */
final class HttpConnection implements Http1ResponseListener {
    private final HttpLoadWorker worker;
    Channel channel;
    /** Set while a request is in flight. */
    boolean busy;
    boolean open;
    long intendedNs;
    long sendNs;
    Phase phase;

    HttpConnection(HttpLoadWorker worker) {
        this.worker = worker;
    }

    void markSent(long intendedNs, long sendNs, Phase phase) {
        this.busy = true;
        this.intendedNs = intendedNs;
        this.sendNs = sendNs;
        this.phase = phase;
    }

    @Override
    public void onResponse(int status, long bodyBytes, boolean keepAlive) {
        worker.onResponse(this, status, bodyBytes, keepAlive);
    }

    @Override
    public void onBadResponse(Throwable cause) {
        worker.onBadResponse(this);
    }

    @Override
    public void onClosed() {
        worker.onClosed(this);
    }
}
