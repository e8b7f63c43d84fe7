package org.pairbench.core.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pairbench.core.snippet.GuideSnippets;

/**
 * Reads the rest of a workload file whose {@code kind:} is {@code inprocess}: variants are benchmark programs (no
 * port, no requests, no parity), and a profile names the benchmark cases to run as its steps and the pyperf
 * options each trial's program gets. Stateless.
 */
final class InProcessLoader {
    /** How long one trial of one variant may take when the profile does not say. */
    static final Duration DEFAULT_TRIAL_TIMEOUT = Duration.ofMinutes(10);

    private InProcessLoader() {
    }

    static Workload load(SpecNode root, Path file, String name, String description, List<String> claims,
                         GuideSnippets snippets) {
        for (String serviceOnly : List.of("protocol", "database", "requests", "parity", "upstream")) {
            if (root.has(serviceOnly)) {
                throw root.get(serviceOnly).error("not used by an inprocess workload (its variants are benchmark"
                        + " programs, not services)");
            }
        }
        Map<String, String> shared = root.has("settings") ? root.get("settings").stringMap() : Map.of();
        Map<String, VariantSpec> variants = WorkloadLoader.variants(root.get("variants"), shared,
                WorkloadLoader.HARNESS_PLACEHOLDERS, false, snippets);
        Map<String, LoadProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : root.get("profiles").entries().entrySet()) {
            profiles.put(e.getKey(), profile(WorkloadLoader.name(e.getValue(), e.getKey()), e.getValue(),
                    variants.keySet()));
        }
        if (profiles.isEmpty()) {
            throw root.get("profiles").error("define at least one profile");
        }
        return new Workload(name, file, description, claims, Map.of(), List.of(), variants, profiles, false,
                Protocol.HTTP, null, WorkloadKind.INPROCESS);
    }

    private static LoadProfile profile(String name, SpecNode p, Set<String> variants) {
        p.allowOnly("trials", "aa", "pyperf", "steps", "trial-timeout", "value-time");
        String aa = p.has("aa") ? WorkloadLoader.reference(p.get("aa"), variants, "variant") : null;
        int trials = p.has("trials") ? p.get("trials").positiveInt() : Defaults.TRIALS;
        List<String> pyperf = p.has("pyperf") ? p.get("pyperf").stringList() : List.of();
        for (String arg : pyperf) {
            if (arg.equals("-o") || arg.startsWith("--output") || arg.startsWith("--append")
                    || arg.equals("--worker") || arg.equals("--cases")) {
                throw p.get("pyperf").error("'" + arg + "' is the harness's to set (it reads pyperf's JSON from the"
                        + " program's output and chooses the cases from 'steps')");
            }
        }
        Duration timeout = WorkloadLoader.orDefault(p, "trial-timeout", DEFAULT_TRIAL_TIMEOUT);
        Duration valueTime = WorkloadLoader.orDefault(p, "value-time", Duration.ZERO);
        List<StepSpec> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SpecNode item : p.get("steps").items()) {
            String id = WorkloadLoader.name(item);
            if (!ids.add(id)) {
                throw item.error("step '" + id + "' appears twice in this profile");
            }
            steps.add(new StepSpec.InProcess(id));
        }
        if (steps.isEmpty()) {
            throw p.get("steps").error("name at least one benchmark case");
        }
        return new LoadProfile(name, trials, Duration.ZERO, 1, steps, aa, pyperf, timeout, valueTime);
    }
}
