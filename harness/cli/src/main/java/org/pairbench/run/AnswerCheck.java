package org.pairbench.run;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.pairbench.core.result.StepResult;
import org.pairbench.netty.protocol.ProtocolSupport;

/**
 * Tells a target that stopped answering in the middle of a step from one that was only slow. A step whose requests
 * timed out (and whose target is still alive) is followed by one request of the step's kind on a fresh connection,
 * with the load gone and a generous {@link #TIMEOUT}: a server that was merely overloaded answers it, one that hangs
 * does not, and its variant's trial then fails with "stopped answering after N requests in step S: ..." instead of
 * measuring every later step as timeouts. The check is an event (the step's own timeouts), not a timer.
 *
 * <p>Stateless; the runner's thread (it blocks up to {@link #TIMEOUT}).
 */
final class AnswerCheck {
    /** The same patience as the parity check: nothing is measured while it waits. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private AnswerCheck() {
    }

    /** Whether a step finished with this result needs the check: some requests timed out, the target lives. */
    static boolean needed(StepContext ctx, StepResult result) {
        return result.counts().timeout() > 0 && ctx.target().isAlive();
    }

    /**
     * Asks the target once; returns null when it answered (anything: a bad answer is the step's to count), else
     * the one-line reason the trial fails with.
     */
    static String reasonIfSilent(StepContext ctx, StepResult result, ProtocolSupport protocol)
            throws InterruptedException {
        try {
            protocol.parity(ctx.variant(), ctx.target().address(), ctx.request(), TIMEOUT);
            return null;
        } catch (InterruptedException e) {
            throw e;
        } catch (TimeoutException e) {
            long answered = result.counts().requests() - result.counts().timeout();
            return "stopped answering after " + answered + " requests in step " + ctx.stepId() + ": "
                    + e.getMessage().replaceAll("\\s+", " ");
        } catch (Exception e) {
            return null; // it answered, badly, or refused the connection: not a hang (a dead one is seen apart)
        }
    }
}
