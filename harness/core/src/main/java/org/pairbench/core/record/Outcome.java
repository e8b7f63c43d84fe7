package org.pairbench.core.record;

/**
 * What became of one request. Every request the schedule intended ends in exactly one outcome and is counted;
 * none is dropped. Failed connection attempts are not requests and are counted apart
 * ({@link WorkerRecorder#recordConnectError()}).
 */
public enum Outcome {
    /** A complete 2xx response of the expected length. */
    OK("ok"),
    /** A complete response whose status is not 2xx. */
    NON_2XX("non2xx"),
    /** No complete response within the timeout after sending, or never sent within the timeout of its intended time. */
    TIMEOUT("timeout"),
    /** The connection closed or was reset while the request was in flight. */
    RESET("reset"),
    /** A response that could not be decoded, or whose body length differs from the verified one (short reads). */
    BAD_RESPONSE("badResponse");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    /** Whether the target answered (any status, even a bad answer): what throughput counts. */
    public boolean answered() {
        return this == OK || this == NON_2XX || this == BAD_RESPONSE;
    }

    /** Name used in summary.json. */
    public String key() {
        return key;
    }
}
