package org.pairbench.core.result;

/**
 * A start the runtime made again on another port because a foreign process, not the target, was listening on the
 * port chosen for it (it took the port between the free-port check and the target's bind). Recorded on its variant
 * in summary.json ({@code portRetries[]}); a variant whose retries all met a foreign listener fails instead.
 * Immutable.
 *
 * @param trial     the trial being started (0: the parity check); the runtime leaves 0, the runner sets it
 *                  ({@link #inTrial})
 * @param port      the port the foreign process held
 * @param holderPid that process, or null when it is not this user's (its pid cannot be read)
 * @param nextPort  the port the target was started on next
 * @param reason    one line, as the progress line said it
 */
public record PortRetry(int trial, int port, Long holderPid, int nextPort, String reason) {

    /** The same retry, of trial {@code number}. */
    public PortRetry inTrial(int number) {
        return new PortRetry(number, port, holderPid, nextPort, reason);
    }
}
