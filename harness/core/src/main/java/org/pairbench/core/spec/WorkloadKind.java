package org.pairbench.core.spec;

import java.util.Locale;

/** What a workload's variants are: the workload file's {@code kind:} (default {@code service}). */
public enum WorkloadKind {
    /** Services listening on a port, driven by the load generator. */
    SERVICE,
    /**
     * Benchmark programs run to completion by pyperf, one per trial, printing pyperf's JSON; their steps are the
     * programs' benchmark cases (see {@code org.pairbench.core.inprocess}).
     */
    INPROCESS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static WorkloadKind parse(String text) {
        for (WorkloadKind k : values()) {
            if (k.key().equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a workload kind (service, inprocess)");
    }
}
