package org.pairbench.report.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pairbench.report.chart.ChartRef;
import org.pairbench.report.chart.WorkloadCharts;

/**
 * The charts of a workload: the ladder charts of a migration's phases, per step its percentile distribution and
 * timeline, then the throughput-vs-p99 charts, then what could not be drawn. Images are referenced by relative path (the page works opened from disk); each links
 * to its SVG.
 */
final class ChartsSection {
    private ChartsSection() {
    }

    static void write(Html h, WorkloadCharts.Result charts) {
        h.element("h3", "Charts").newline();
        if (charts == null || charts.charts().isEmpty()) {
            h.element("p", "No chart: there is no latency data to draw.", "class", "warn").newline();
        } else {
            String group = null;
            for (ChartRef c : charts.charts()) {
                if (!c.group().equals(group)) {
                    group = c.group();
                    h.element("h4", heading(c)).newline();
                }
                figure(h, c);
            }
        }
        if (charts != null && !charts.notes().isEmpty()) {
            h.element("p", "Not drawn, or drawn from less than the run intended:").newline();
            list(h, charts.notes());
        }
    }

    private static String heading(ChartRef c) {
        return switch (c.kind()) {
            case LADDER -> "The migration, phase by phase";
            case THROUGHPUT -> "Throughput vs p99: " + c.group();
            default -> "Step " + c.group();
        };
    }

    static void figure(Html h, ChartRef c) {
        h.open("figure").newline();
        // the image links to its SVG, or to itself when the run was rendered without SVGs (--no-svg)
        String full = c.svg() != null ? c.svg() : c.png();
        h.open("a", "href", url(full)).open("img", "src", url(c.png()), "alt", c.title(), "loading", "lazy")
                .close("a").newline();
        h.open("figcaption").text(c.caption() + " ");
        if (c.svg() != null) {
            h.element("a", "SVG", "href", url(c.svg()));
        }
        h.close("figcaption").newline();
        if (!c.warnings().isEmpty()) {
            list(h, c.warnings());
        }
        h.close("figure").newline();
    }

    private static void list(Html h, List<String> items) {
        h.open("ul", "class", "warnings").newline();
        for (String item : items) {
            h.element("li", item).newline();
        }
        h.close("ul").newline();
    }

    /** A relative path as a URL: each segment percent-encoded, so odd workload or step names still link. */
    static String url(String relativePath) {
        StringBuilder sb = new StringBuilder();
        for (String segment : relativePath.split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
