package org.pairbench.core.result;

/**
 * Requests of a step's measured period by outcome (see {@code Outcome}), and failed connection attempts, which are
 * not requests. {@code ok + non2xx + timeout + reset + badResponse} is every request the schedule intended in the
 * measured period (open loop) or sent in it (closed loop).
 */
public record OutcomeCounts(long ok, long non2xx, long timeout, long reset, long badResponse, long connectErrors) {

    /** Every request of the measured period, whatever its outcome. */
    public long requests() {
        return ok + non2xx + timeout + reset + badResponse;
    }

    /** Requests that did not end in {@code ok}. */
    public long errors() {
        return requests() - ok;
    }
}
