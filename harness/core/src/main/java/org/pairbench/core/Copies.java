package org.pairbench.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the spec and result records. A field missing from an older or hand-edited JSON file
 * arrives as null and becomes empty here, so one absent list never makes a whole results file unreadable; maps
 * keep their order (request headers are sent, and fairness settings shown, in the order the workload file gives
 * them; {@code Map.copyOf} would shuffle them differently in every JVM).
 */
public final class Copies {
    private Copies() {
    }

    public static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    public static <K, V> Map<K, V> map(Map<K, V> in) {
        return in == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }
}
