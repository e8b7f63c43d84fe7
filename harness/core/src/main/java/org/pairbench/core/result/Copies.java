package org.pairbench.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the result records. A field missing from an older or hand-edited JSON file arrives as
 * null and becomes empty here, so one absent list never makes a whole results file unreadable; maps keep their
 * order (fairness settings are shown in the order the workload file gives them).
 */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    static <K, V> Map<K, V> map(Map<K, V> in) {
        return in == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }
}
