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
 */
public record Workload(String name, Path file, String description, List<String> claims,
                       Map<String, RequestSpec> requests, List<String> parity, Map<String, VariantSpec> variants,
                       Map<String, LoadProfile> profiles, boolean upstream, Protocol protocol,
                       String database) {
    public Workload {
        claims = List.copyOf(claims);
        parity = List.copyOf(parity);
    }
}
