package org.pairbench.core.result;

import java.util.List;
import java.util.Map;
import org.pairbench.core.Copies;
import org.pairbench.core.spec.GuideCode;

/**
 * A variant as it ran: what it is, the command line, and its fairness settings, so a report can show them next
 * to the figures without the workload file.
 */
public record VariantInfo(String name, String description, List<String> command, Map<String, String> settings,
                          GuideCode guide) {
    public VariantInfo {
        command = Copies.list(command);
        settings = Copies.map(settings);
    }
}
