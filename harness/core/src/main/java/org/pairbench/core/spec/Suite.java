package org.pairbench.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A suite file: which workloads to run and which of their load profiles to use.
 *
 * @param name           suite name ({@code quick}); its file is {@code workloads/suites/<name>.yaml}
 * @param file           where it was loaded from
 * @param description    one line shown by {@code list}
 * @param profile        the profile each workload runs
 * @param workloads      workload names (files in {@code workloads/}) or paths relative to the suite file
 * @param trialsOverride trials for every workload instead of the profile's own, or 0 to keep them
 */
public record Suite(String name, Path file, String description, String profile, List<String> workloads,
                    int trialsOverride) {
    public Suite {
        workloads = List.copyOf(workloads);
    }
}
