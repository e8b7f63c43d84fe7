package org.pairbench.report.chart;

import org.knowm.xchart.XYChart;
import org.pairbench.report.data.ResourceCosts;

/**
 * Target CPU per request, step by step, one bar per variant (median of its valid trials) with each trial as a dot.
 * Drawn in CPU-milliseconds per 1,000 requests (the same number as CPU-microseconds per request), the unit of the
 * summary table. Stateless.
 */
public final class CpuPerRequestChart {
    private CpuPerRequestChart() {
    }

    /** @param data CPU-seconds per request ({@link ResourceCosts#cpuPerRequest}) */
    public static XYChart build(String title, ResourceCosts data, VariantColors colors) {
        return StepBars.build(title, "Target CPU-ms per 1,000 requests", data, CpuPerRequestChart::msPer1k, colors);
    }

    static double msPer1k(double cpuSecondsPerRequest) {
        return cpuSecondsPerRequest * 1_000_000;
    }
}
