package org.pairbench.report.chart;

import org.knowm.xchart.XYChart;
import org.pairbench.report.data.ResourceCosts;

/**
 * Target resident memory added per connection, step by step, one bar per variant (median of its valid trials) with
 * each trial as a dot, in KiB. Stateless.
 */
public final class RssPerConnectionChart {
    private RssPerConnectionChart() {
    }

    /** @param data bytes per connection ({@link ResourceCosts#rssPerConnection}) */
    public static XYChart build(String title, ResourceCosts data, VariantColors colors) {
        return StepBars.build(title, "Resident memory per connection (KiB)", data, RssPerConnectionChart::kib,
                colors);
    }

    static double kib(double bytes) {
        return bytes / 1024.0;
    }
}
