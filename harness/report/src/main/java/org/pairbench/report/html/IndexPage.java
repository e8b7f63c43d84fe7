package org.pairbench.report.html;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.report.chart.ChartRef;
import org.pairbench.report.chart.VariantColors;
import org.pairbench.report.chart.WorkloadCharts;

/**
 * The run's {@code index.html}: one self-contained page (inline CSS, no script, no network; charts referenced by
 * relative path) with the run header, the claims table, a guide to reading it, and a section per workload. Every text from the
 * results is escaped. Stateless.
 */
public final class IndexPage {
    private IndexPage() {
    }

    /**
     * @param run      {@code run.json}, or null when missing
     * @param summary  {@code summary.json}, or null when missing
     * @param charts   the charts of each of the summary's workloads, same order
     * @param colors   the run's variant colours (the same the charts used)
     * @param problems files that could not be read
     * @param claims   {@code claims.json}, or null when the directory has none
     * @param claimsProblem why {@code claims.json} could not be read, or null
     * @param forest   the claims' forest plot, or null when none was drawn
     */
    public static String render(RunMetadata run, RunSummary summary, List<WorkloadCharts.Result> charts,
                                VariantColors colors, List<String> problems, ClaimsReport claims,
                                String claimsProblem, ChartRef forest) {
        Html h = new Html();
        String runId = run != null ? run.runId() : summary != null ? summary.runId() : "unknown run";
        h.raw("<!DOCTYPE html>").newline().open("html", "lang", "en").newline().open("head").newline();
        h.open("meta", "charset", "utf-8").newline();
        h.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        h.element("title", "pairbench \u2014 " + runId).newline();
        h.open("style").raw(PageStyle.CSS).close("style").newline();
        h.close("head").newline().open("body").newline();
        h.element("h1", "pairbench run " + runId).newline();
        RunSection.statusBanner(h, summary, problems);
        List<WorkloadResult> workloads = summary == null ? List.of() : summary.workloads();
        contents(h, workloads);
        ClaimsSection.write(h, claims, claimsProblem, anchors(workloads), workloads, forest);
        RunSection.write(h, run, summary);
        HowToRead.write(h);
        for (int i = 0; i < workloads.size(); i++) {
            WorkloadSection.write(h, workloads.get(i), i < charts.size() ? charts.get(i) : null, colors);
        }
        if (summary != null && workloads.isEmpty()) {
            h.element("p", "No workload has results yet.", "class", "banner warn").newline();
        }
        h.open("footer").element("p", "Rendered by pairbench report from run.json, summary.json and the .hlog "
                + "files of this directory.").close("footer").newline();
        h.close("body").newline().close("html").newline();
        return h.toString();
    }

    /** The ids of the workload sections and their step rows, which the claims table may link to. */
    private static Set<String> anchors(List<WorkloadResult> workloads) {
        Set<String> ids = new HashSet<>();
        for (WorkloadResult w : workloads) {
            ids.add(WorkloadSection.anchor(w));
            w.steps().stream().filter(s -> s.step() != null)
                    .forEach(s -> ids.add(WorkloadSection.stepAnchor(w.workload(), s.step())));
        }
        return ids;
    }

    private static void contents(Html h, List<WorkloadResult> workloads) {
        h.open("nav").element("h2", "Contents").open("ul").newline();
        link(h, ClaimsSection.ANCHOR, "The guide's claims: verdicts");
        link(h, "run", "Run, machine and versions");
        link(h, "how-to-read", "How to read these charts");
        for (WorkloadResult w : workloads) {
            link(h, WorkloadSection.anchor(w), "Workload " + w.workload());
        }
        h.close("ul").close("nav").newline();
    }

    private static void link(Html h, String id, String text) {
        h.open("li").element("a", text, "href", "#" + id).close("li").newline();
    }
}
