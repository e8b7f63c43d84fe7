package org.pairbench.report.chart;

import java.util.List;

/**
 * A chart written for the page.
 *
 * @param kind     which chart
 * @param group    the step id (distribution, timeline), {@code <request> <mode>} (throughput), {@value #RESOURCES}
 *                 (resource costs), {@value #LADDER} (a migration's phases in order) or {@value #CLAIMS} (the
 *                 claims' forest plot)
 * @param title    the chart's title, also the image's alt text
 * @param png      path of the PNG relative to the results directory, '/'-separated
 * @param svg      path of the SVG, likewise; null when the run was rendered without SVGs
 * @param caption  what was drawn from what (trials, counts)
 * @param warnings what a reader must know before trusting it (invalid generator, missing trials)
 */
public record ChartRef(Kind kind, String group, String title, String png, String svg, String caption,
                       List<String> warnings) {
    /** The group of the resource-cost charts. */
    public static final String RESOURCES = "resources";
    /** The group of the claims' forest plot. */
    public static final String CLAIMS = "claims";
    /** The group of the ladder charts. */
    public static final String LADDER = "ladder";

    public ChartRef {
        warnings = List.copyOf(warnings);
    }

    public enum Kind {
        LADDER, PERCENTILES, TIMELINE, THROUGHPUT, CPU_PER_REQUEST, RSS_PER_CONNECTION, FOREST
    }
}
