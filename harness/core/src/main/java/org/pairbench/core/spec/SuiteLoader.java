package org.pairbench.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a suite file ({@code workloads/suites/<name>.yaml}): its name, the profile it runs and its workloads.
 * Stateless.
 */
public final class SuiteLoader {
    private SuiteLoader() {
    }

    public static Suite load(Path file) {
        SpecNode root = SpecNode.load(file);
        root.allowOnly("name", "description", "profile", "workloads", "trials");
        String name = WorkloadLoader.name(root.get("name"));
        String description = root.has("description") ? root.get("description").nonEmptyText() : "";
        String profile = root.has("profile") ? WorkloadLoader.name(root.get("profile")) : name;
        List<String> workloads = root.get("workloads").stringList();
        if (workloads.isEmpty()) {
            throw root.get("workloads").error("list at least one workload");
        }
        int trials = root.has("trials") ? root.get("trials").positiveInt() : 0;
        return new Suite(name, file, description, profile, workloads, trials);
    }
}
