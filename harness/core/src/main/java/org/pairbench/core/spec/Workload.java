package org.pairbench.core.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A workload file: one pattern of the guide, the variants that implement it, what they are asked, and the load
 * profiles that drive them. Immutable; produced by {@link WorkloadLoader}.
 *
 * @param name        the workload's name, also its file name without {@code .yaml}
 * @param file        where it was loaded from
 * @param description one paragraph shown in listings and reports
 * @param claims      ids of the guide claims this workload bears on ({@code C3}, ...)
 * @param requests    requests by name, in file order
 * @param parity      requests every variant must answer identically before anything is measured
 * @param variants    variants by name, in file order
 * @param profiles    load profiles by name
 * @param upstream    whether the harness runs an upstream server for the variants to call ({@code {upstream}})
 * @param protocol    how the variants are talked to
 * @param database    the database the harness runs for the variants ({@code postgres}), or null
 * @param kind        services driven by load, or in-process benchmark programs run to completion
 */
public record Workload(String name, Path file, String description, List<String> claims,
                       Map<String, RequestSpec> requests, List<String> parity, Map<String, VariantSpec> variants,
                       Map<String, LoadProfile> profiles, boolean upstream, Protocol protocol,
                       String database, WorkloadKind kind) {
    public Workload {
        claims = List.copyOf(claims);
        parity = List.copyOf(parity);
    }

    /** A workload of services ({@link WorkloadKind#SERVICE}). */
    public Workload(String name, Path file, String description, List<String> claims,
                    Map<String, RequestSpec> requests, List<String> parity, Map<String, VariantSpec> variants,
                    Map<String, LoadProfile> profiles, boolean upstream, Protocol protocol, String database) {
        this(name, file, description, claims, requests, parity, variants, profiles, upstream, protocol, database,
                WorkloadKind.SERVICE);
    }

    /** This workload with other variants (the A/A twin added), everything else kept. */
    public Workload withVariants(Map<String, VariantSpec> newVariants) {
        return new Workload(name, file, description, claims, requests, parity, newVariants, profiles, upstream,
                protocol, database, kind);
    }

    public boolean inProcess() {
        return kind == WorkloadKind.INPROCESS;
    }
}
