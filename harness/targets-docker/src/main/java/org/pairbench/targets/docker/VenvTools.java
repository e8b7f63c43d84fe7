package org.pairbench.targets.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaging tools of the local runtime's environment (pip, and setuptools below Python 3.12), which the
 * image's environment gets in the same versions: {@code python -m venv} installs whatever its Python bundles
 * (Debian's 3.11 brings pip 23.0.1, a python.org 3.11 another), and they are not in the lock file, yet
 * {@code pip list} shows them. Immutable.
 *
 * @param pinned {@code name==version} of each tool the local environment has
 * @param absent tools the local environment does not have, to remove from the image's
 */
record VenvTools(List<String> pinned, List<String> absent) {
    static final List<String> TOOLS = List.of("pip", "setuptools");

    VenvTools {
        pinned = List.copyOf(pinned);
        absent = List.copyOf(absent);
    }

    /** From the local environment's packages (lower-case name to version). */
    static VenvTools of(Map<String, String> localPackages) {
        List<String> pinned = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String tool : TOOLS) {
            String version = localPackages.get(tool);
            if (version == null) {
                absent.add(tool);
            } else {
                pinned.add(tool + "==" + version);
            }
        }
        return new VenvTools(pinned, absent);
    }

    /** Build argument {@code VENV_TOOLS}, e.g. {@code pip==23.2.1 setuptools==65.5.0}. */
    String requirements() {
        return String.join(" ", pinned);
    }

    /** Build argument {@code VENV_REMOVE}, e.g. {@code setuptools}, or "". */
    String remove() {
        return String.join(" ", absent);
    }
}
