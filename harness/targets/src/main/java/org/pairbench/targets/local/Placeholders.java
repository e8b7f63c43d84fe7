package org.pairbench.targets.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the runtime's placeholders ({@code {port}}, {@code {host}}, {@code {python}}, {@code {targets}}) in an
 * argument list. A placeholder may be a whole argument or part of one ({@code --bind={host}:{port}}). Unknown
 * braces are left alone: they may be the service's own syntax. Stateless.
 */
final class Placeholders {
    static final String PORT = "{port}";
    static final String HOST = "{host}";
    static final String PYTHON = "{python}";
    static final String TARGETS = "{targets}";

    private Placeholders() {
    }

    static List<String> fill(List<String> argv, Map<String, String> values) {
        List<String> out = new ArrayList<>(argv.size());
        for (String arg : argv) {
            String filled = arg;
            for (Map.Entry<String, String> e : values.entrySet()) {
                filled = filled.replace(e.getKey(), e.getValue());
            }
            out.add(filled);
        }
        return List.copyOf(out);
    }

    static boolean mentions(List<String> argv, String placeholder) {
        return argv.stream().anyMatch(a -> a.contains(placeholder));
    }
}
