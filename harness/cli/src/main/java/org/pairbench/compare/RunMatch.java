package org.pairbench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunMetadata;

/**
 * Whether two runs measured the same thing the same way, so that their figures may be compared: same runtime,
 * the same definitions for the workloads both measured (requests, variants and their launch arguments, settings,
 * the profile's steps: a hash of run.json's resolved workload, its file path, descriptions and trial count left
 * out) and the same Python interpreter and package versions. A difference, or no workload in common, makes the runs
 * MISMATCHED; workloads only one run measured, a different machine or harness revision are only noted (a CI job
 * may run a subset of the reference's suite, and comparing across revisions is what a regression check is for).
 * Stateless.
 */
public final class RunMatch {
    private RunMatch() {
    }

    /** Why the runs cannot be compared; empty when they can. */
    public static List<String> mismatches(ComparedRun base, ComparedRun cur) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(base.run().runtime(), cur.run().runtime())) {
            out.add("runtime: " + base.run().runtime() + " vs " + cur.run().runtime());
        }
        Map<String, String> a = definitions(base.run());
        Map<String, String> b = definitions(cur.run());
        // the workloads both runs measured are compared (a CI job may run a subset of the reference's suite);
        // with none in common there is nothing to compare
        Set<String> common = new TreeSet<>(a.keySet());
        common.retainAll(b.keySet());
        if (common.isEmpty()) {
            out.add("workloads: no workload in common (" + String.join(", ", a.keySet()) + " vs "
                    + String.join(", ", b.keySet()) + ")");
        }
        for (String w : common) {
            if (!a.get(w).equals(b.get(w))) {
                out.add("workload " + w + ": definition differs (sha256 " + a.get(w).substring(0, 12) + " vs "
                        + b.get(w).substring(0, 12) + "; see run.json)");
            }
        }
        out.addAll(python(base.run().python(), cur.run().python()));
        return out;
    }

    /** Differences worth knowing that do not prevent a comparison. */
    public static List<String> notes(ComparedRun base, ComparedRun cur) {
        List<String> out = new ArrayList<>();
        var ea = base.run().environment();
        var eb = cur.run().environment();
        if (ea != null && eb != null && (!Objects.equals(ea.cpuModel(), eb.cpuModel()) || ea.cpus() != eb.cpus())) {
            out.add("different machines: " + ea.cpuModel() + " (" + ea.cpus() + " CPUs) vs " + eb.cpuModel() + " ("
                    + eb.cpus() + " CPUs)");
        }
        Set<String> onlyBase = new TreeSet<>(definitions(base.run()).keySet());
        Set<String> onlyCur = new TreeSet<>(definitions(cur.run()).keySet());
        Set<String> inBase = Set.copyOf(onlyBase);
        onlyBase.removeAll(onlyCur);
        onlyCur.removeAll(inBase);
        if (!onlyBase.isEmpty()) {
            out.add("only in the baseline, not compared: " + String.join(", ", onlyBase));
        }
        if (!onlyCur.isEmpty()) {
            out.add("only in the current run, not compared: " + String.join(", ", onlyCur));
        }
        if (base.run().git() != null && cur.run().git() != null
                && !Objects.equals(base.run().git().revision(), cur.run().git().revision())) {
            out.add("harness revision " + base.run().git().revision() + " vs " + cur.run().git().revision());
        }
        return out;
    }

    /** Workload name to the sha256 of its resolved definition. */
    static Map<String, String> definitions(RunMetadata run) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode w : run.workloads() == null ? List.<JsonNode>of() : run.workloads()) {
            out.put(w.path("name").asText(), hash(w));
        }
        return out;
    }

    /** The sha256 of a run.json workload's definition, as compared between runs (and between shards). */
    public static String hash(JsonNode workload) {
        ObjectNode copy = workload.deepCopy();
        // where the file lives, how it is described and how often it was repeated do not change what was measured
        copy.remove(List.of("file", "description", "claims"));
        // nor do the settings a process reported (python version, the kernel's somaxconn): machine facts, noted
        copy.path("variants").forEach(v -> ((ObjectNode) v).remove(List.of("description", "effective")));
        if (copy.get("profile") instanceof ObjectNode p) {
            p.remove("trials");
        }
        try {
            byte[] json = ResultsJson.mapper().writer().withoutFeatures(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(copy);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How two runs' Python interpreters and package versions differ; empty when they do not. */
    public static List<String> python(RunMetadata.PythonInfo a, RunMetadata.PythonInfo b) {
        if (a == null && b == null) {
            return List.of();
        }
        if (a == null || b == null) {
            return List.of("python: " + (a == null ? "none" : a.version()) + " vs " + (b == null ? "none"
                    : b.version()));
        }
        List<String> out = new ArrayList<>();
        if (!Objects.equals(a.version(), b.version())) {
            out.add("python: " + a.version() + " vs " + b.version());
        }
        Map<String, String> pa = a.packages() == null ? Map.of() : a.packages();
        Map<String, String> pb = b.packages() == null ? Map.of() : b.packages();
        Map<String, String> differ = new LinkedHashMap<>();
        for (String name : new TreeSet<>(union(pa, pb))) {
            if (!Objects.equals(pa.get(name), pb.get(name))) {
                differ.put(name, pa.getOrDefault(name, "absent") + " vs " + pb.getOrDefault(name, "absent"));
            }
        }
        if (!differ.isEmpty()) {
            List<String> parts = new ArrayList<>();
            differ.forEach((k, v) -> parts.add(k + " " + v));
            out.add("package versions: " + String.join(", ", parts));
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        var s = new TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }
}
