package org.pairbench.core.spec;

import java.util.Map;
import org.pairbench.core.Copies;

/**
 * One side of a pair: a service implementing the workload's pattern with one library.
 *
 * @param name        key in the workload's {@code variants:} mapping, used in file names and charts
 * @param description one line shown in listings and reports
 * @param launch      how the service starts
 * @param host        the loopback address the service listens on and load is sent to (127.0.0.1 or ::1)
 * @param env         environment variables added for the service
 * @param settings    the fairness-relevant settings this variant applies (listen backlog, connection cap,
 *                    access logging...), recorded in every run and shown next to the charts
 * @param guide       guide-code status, or null when the variant does not stand for a guide snippet
 */
public record VariantSpec(String name, String description, TargetLaunch launch, String host, Map<String, String> env,
                          Map<String, String> settings, GuideCode guide) {
    public VariantSpec {
        env = Copies.map(env);
        settings = Copies.map(settings);
    }
}
