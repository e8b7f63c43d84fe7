package org.pairbench.core.record;

/**
 * The histograms recorded for every step. All values are nanoseconds.
 */
public enum LatencyView {
    /** From the intended send time to the last byte of the response: what a user of an open system waits. */
    CORRECTED("corrected"),
    /** From the actual send to the last byte: hides the time a request waited to be sent (coordinated omission). */
    UNCORRECTED("uncorrected"),
    /** Actual send minus intended send: waiting for a free connection plus the generator's own lateness. */
    SEND_LAG("send-lag"),
    /**
     * How late the generator's loop got to a request after its intended time, before any wait for a connection.
     * Only this one measures the generator itself; a step whose p99 passes its bound (see
     * {@code org.pairbench.core.result.GeneratorCheck}) is marked invalid.
     */
    GENERATOR_LAG("generator-lag");

    private final String tag;

    LatencyView(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The {@code .hlog} tag of this view in a phase, e.g. {@code measure.corrected}. */
    public String tag(Phase phase) {
        return phase.tag() + "." + tag;
    }
}
