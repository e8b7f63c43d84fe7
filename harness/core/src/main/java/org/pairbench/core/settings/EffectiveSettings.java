package org.pairbench.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings a target reports it actually runs with, and how they are held against its workload file.
 *
 * <p>Every Python target prints one line at start, {@value #PREFIX} followed by a JSON object of strings
 * ({@code python-targets/common/effective.py}). A workload setting is <em>checked</em> against the reported value
 * of the same name when the file states a plain value: one word ({@code 2048}, {@code off}, {@code uvloop}), or
 * one word followed by {@code ": "} and an explanation ({@code "none: the call runs on the event loop"}). A
 * setting written as prose ({@code "asyncio's default executor: min(32, os.cpu_count() + 4) threads"}) only
 * describes; the reported value is recorded beside it. Numbers compare by value ({@code 3600} = {@code 3600.0}).
 *
 * <p>Pure functions; thread-safe.
 */
public final class EffectiveSettings {
    /** What a target's settings line starts with. */
    public static final String PREFIX = "pairbench-settings ";
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EffectiveSettings() {
    }

    /** The last settings line among {@code logLines}, parsed; empty when there is none or it is not a JSON object. */
    public static Optional<Map<String, String>> parse(List<String> logLines) {
        for (int i = logLines.size() - 1; i >= 0; i--) {
            String line = logLines.get(i);
            if (line.startsWith(PREFIX)) {
                try {
                    JsonNode node = JSON.readTree(line.substring(PREFIX.length()));
                    if (node == null || !node.isObject()) {
                        return Optional.empty();
                    }
                    Map<String, String> out = new TreeMap<>();
                    node.fields().forEachRemaining(e -> out.put(e.getKey(),
                            e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
                    return Optional.of(out);
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The value a workload setting states, or null when it is prose (not checked). */
    public static String statedValue(String setting) {
        String s = setting.strip();
        int colon = s.indexOf(": ");
        String head = colon < 0 ? s : s.substring(0, colon).strip();
        return WORD.matcher(head).matches() ? head : null;
    }

    /**
     * Every setting of the workload file whose stated value the process contradicts, as
     * {@code "name: the workload file says A, the process runs with B"}; empty when they agree.
     */
    public static List<String> contradictions(Map<String, String> declared, Map<String, String> effective) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(declared).forEach((name, value) -> {
            String stated = statedValue(value);
            String actual = effective.get(name);
            if (stated != null && actual != null && !same(stated, actual)) {
                out.add(name + ": the workload file says " + stated + ", the process runs with " + actual);
            }
        });
        return out;
    }

    static boolean same(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }
}
