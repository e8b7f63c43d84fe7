package org.pairbench.core.inprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pyperf's results from an in-process program's output: the last line starting with
 * {@link PyperfOutput#MARK}, followed by {@code {"suite": <pyperf's BenchmarkSuite JSON, version 1.0>, "checks":
 * {case: [warnings]}}}. Every value and warm-up of every run is kept. pyperf stores metadata that all runs share
 * once, at the benchmark or suite level; a run's metadata here is the three levels merged, the run's own last.
 * Stateless; safe from any thread.
 */
public final class PyperfOutputReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PyperfOutputReader() {
    }

    /**
     * @param lines the program's output, in order
     * @throws IllegalArgumentException when no result line is there or it is not pyperf's JSON (the message says
     *                                  which)
     */
    public static PyperfOutput read(List<String> lines) {
        String json = null;
        for (String line : lines) {
            int at = line.indexOf(PyperfOutput.MARK);
            if (at >= 0) {
                json = line.substring(at + PyperfOutput.MARK.length());
            }
        }
        if (json == null) {
            throw new IllegalArgumentException("no '" + PyperfOutput.MARK.strip() + "' line in the program's output");
        }
        try {
            return parse(JSON.readTree(json));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable pyperf result: " + e.getMessage(), e);
        }
    }

    static PyperfOutput parse(JsonNode root) {
        JsonNode suite = root.path("suite");
        if (!suite.path("benchmarks").isArray()) {
            throw new IllegalArgumentException("no 'suite.benchmarks' array");
        }
        Map<String, Object> suiteMeta = metadata(suite.path("metadata"), Map.of());
        List<PyperfOutput.Benchmark> benchmarks = new ArrayList<>();
        for (JsonNode b : suite.path("benchmarks")) {
            Map<String, Object> benchMeta = metadata(b.path("metadata"), suiteMeta);
            List<PyperfOutput.Run> runs = new ArrayList<>();
            for (JsonNode r : b.path("runs")) {
                runs.add(run(r, benchMeta));
            }
            Object name = benchMeta.get("name");
            if (name == null && !runs.isEmpty()) {
                name = runs.get(0).metadata().get("name");
            }
            if (name == null) {
                throw new IllegalArgumentException("a benchmark without a name");
            }
            benchmarks.add(new PyperfOutput.Benchmark(name.toString(), runs));
        }
        Map<String, List<String>> checks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("checks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> lines = new ArrayList<>();
            e.getValue().forEach(l -> lines.add(l.asText()));
            checks.put(e.getKey(), lines);
        }
        return new PyperfOutput(benchmarks, checks);
    }

    private static PyperfOutput.Run run(JsonNode r, Map<String, Object> inherited) {
        Map<String, Object> meta = metadata(r.path("metadata"), inherited);
        List<Double> warmups = new ArrayList<>();
        for (JsonNode w : r.path("warmups")) {
            warmups.add(w.get(1).asDouble()); // [loops, value]
        }
        List<Double> values = new ArrayList<>();
        r.path("values").forEach(v -> values.add(v.asDouble()));
        long loops = number(meta.get("loops"), 1);
        long innerLoops = number(meta.get("inner_loops"), 1);
        Object duration = meta.get("duration");
        return new PyperfOutput.Run(warmups, values, loops * innerLoops,
                duration instanceof Number n ? n.doubleValue() : 0, meta);
    }

    private static Map<String, Object> metadata(JsonNode node, Map<String, Object> inherited) {
        Map<String, Object> out = new LinkedHashMap<>(inherited);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNumber() ? (Object) v.numberValue() : v.asText());
        }
        return out;
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }
}
