package org.pairbench.core.record;

/** Phase of a step a request belongs to, decided by its intended send time. Both phases are recorded. */
public enum Phase {
    WARMUP("warmup"),
    MEASURE("measure");

    private final String tag;

    Phase(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
