package org.pairbench.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Shared between the runner's thread and the Ctrl-C shutdown hook: the hook asks the run to stop, the runner
 * notices at its next sampling tick, stops the step, and writes what it has; the hook waits for that so the JVM
 * does not exit with results half written.
 *
 * <p>Threading: any thread.
 */
public final class RunControl {
    private volatile boolean interrupted;
    private final CountDownLatch finished = new CountDownLatch(1);

    public void interrupt() {
        interrupted = true;
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Called by the runner once everything it will write is written. */
    public void finished() {
        finished.countDown();
    }

    /** Waits for the runner to finish writing; false if it did not within the time. */
    public boolean awaitFinished(long timeoutMs) throws InterruptedException {
        return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
