package org.pairbench.core.result;

import java.util.List;
import java.util.Map;
import org.pairbench.core.Copies;
import org.pairbench.core.spec.GuideCode;

/**
 * A variant as it ran: what it is, the command line, and its fairness settings, so a report can show them next
 * to the figures without the workload file.
 *
 * @param runtime   where the variant ran when that differs from the run's runtime (e.g. {@code local} for a
 *                  command variant under {@code --runtime docker}); null when it ran on the run's runtime
 * @param effective the settings the process reported it runs with at start ({@code EffectiveSettings}), read at
 *                  the parity check; null when not read (a {@code command:} variant, or it did not start)
 * @param portRetries starts made again on another port because a foreign process held the chosen one
 * @param forcedStops starts that ended with SIGKILL because the target ignored SIGTERM
 */
public record VariantInfo(String name, String description, List<String> command, Map<String, String> settings,
                          GuideCode guide, String runtime, Map<String, String> effective, List<PortRetry> portRetries,
                          List<ForcedStop> forcedStops) {
    public VariantInfo {
        command = Copies.list(command);
        settings = Copies.map(settings);
        effective = effective == null ? null : Copies.map(effective);
        portRetries = Copies.list(portRetries);
        forcedStops = Copies.list(forcedStops);
    }

    public VariantInfo(String name, String description, List<String> command, Map<String, String> settings,
                       GuideCode guide, String runtime, Map<String, String> effective) {
        this(name, description, command, settings, guide, runtime, effective, List.of(), List.of());
    }

    /** A variant whose effective settings were not read (yet). */
    public VariantInfo(String name, String description, List<String> command, Map<String, String> settings,
                       GuideCode guide, String runtime) {
        this(name, description, command, settings, guide, runtime, null);
    }

    /** This variant with the settings its process reported. */
    public VariantInfo withEffective(Map<String, String> reported) {
        return new VariantInfo(name, description, command, settings, guide, runtime, reported, portRetries,
                forcedStops);
    }

    /** This variant with one more start made again on another port. */
    public VariantInfo withPortRetry(PortRetry retry) {
        return new VariantInfo(name, description, command, settings, guide, runtime, effective,
                appended(portRetries, retry), forcedStops);
    }

    /** This variant with one more start ended by SIGKILL. */
    public VariantInfo withForcedStop(ForcedStop stop) {
        return new VariantInfo(name, description, command, settings, guide, runtime, effective, portRetries,
                appended(forcedStops, stop));
    }

    /** A variant that ran on the run's runtime. */
    public VariantInfo(String name, String description, List<String> command, Map<String, String> settings,
                       GuideCode guide) {
        this(name, description, command, settings, guide, null, null);
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> more = new java.util.ArrayList<>(list);
        more.add(item);
        return more;
    }
}
