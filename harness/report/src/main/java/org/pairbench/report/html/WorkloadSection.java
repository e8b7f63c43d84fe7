package org.pairbench.report.html;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.GuideCode;
import org.pairbench.report.chart.ChartStyle;
import org.pairbench.report.chart.VariantColors;
import org.pairbench.report.chart.VariantLabels;
import org.pairbench.report.chart.WorkloadCharts;

/**
 * One workload: what it is, whether its variants gave the same answers, how each variant ran, the figures, the
 * failures, and the charts.
 */
final class WorkloadSection {
    private WorkloadSection() {
    }

    static String anchor(WorkloadResult w) {
        return anchor(w.workload());
    }

    /** The id of a workload's section: {@code w-<workload>}, the evidence link claims.json gives. */
    static String anchor(String workload) {
        return "w-" + ChartStyle.fileSafe(workload);
    }

    /** The id of the first row of a step in the workload's summary table. */
    static String stepAnchor(String workload, String step) {
        return anchor(workload) + "-step-" + ChartStyle.fileSafe(step);
    }

    static void write(Html h, WorkloadResult w, WorkloadCharts.Result charts, VariantColors colors) {
        List<String> variants = WorkloadCharts.variantNames(w);
        h.open("section", "id", anchor(w)).newline();
        h.element("h2", "Workload " + w.workload()).newline();
        h.element("p", Fmt.orNone(w.description())).newline();
        h.open("p").text("Claims: " + (w.claims().isEmpty() ? Fmt.NONE : String.join(", ", w.claims()))
                + " \u00b7 Profile: " + Fmt.orNone(w.profile())).close("p").newline();
        parity(h, w.parity(), w.steps().isEmpty());
        h.element("h3", "Variants").newline();
        variants(h, w.variants(), colors);
        h.element("h3", "Summary").newline();
        StepTable.write(h, w.workload(), w.steps(), WorkloadCharts.stepIds(w.steps()), variants, colors);
        failures(h, w.failures());
        ChartsSection.write(h, charts);
        h.close("section").newline();
    }

    private static void parity(Html h, ParityResult parity, boolean noSteps) {
        h.element("h3", "Parity check").newline();
        if (parity == null) {
            h.element("p", "No parity result recorded.", "class", "warn").newline();
            return;
        }
        boolean failed = ParityResult.FAILED.equals(parity.status());
        h.open("p").text("Status: ").element("span", Fmt.orNone(parity.status()), "class", failed ? "bad" : null)
                .close("p").newline();
        if (parity.error() != null) {
            h.element("p", "What differed: " + parity.error(), "class", "bad").newline();
        }
        if (failed && noSteps) {
            h.element("p", "This pair was not measured: both sides must give the same answer first.", "class",
                    "banner bad").newline();
        }
        if (parity.responses().isEmpty()) {
            return;
        }
        h.open("div", "class", "scroll").open("table").newline();
        h.row("th", "Variant", "Request", "Status", "Content type", "Body bytes", "Body SHA-256", "Body preview");
        for (ParityResult.ParityResponse r : parity.responses()) {
            h.open("tr").element("td", r.variant()).element("td", r.request()).element("td", String.valueOf(r.status()))
                    .element("td", Fmt.orNone(r.contentType())).element("td", String.valueOf(r.bodyBytes()))
                    .open("td").element("code", shortHash(r.bodySha256()), "title", r.bodySha256()).close("td")
                    .open("td").element("code", Fmt.orNone(r.bodyPreview())).close("td").close("tr").newline();
        }
        h.close("table").close("div").newline();
    }

    private static String shortHash(String sha) {
        return sha == null ? Fmt.NONE : sha.length() > 16 ? sha.substring(0, 16) + "\u2026" : sha;
    }

    private static void variants(Html h, List<VariantInfo> variants, VariantColors colors) {
        if (variants.isEmpty()) {
            h.element("p", "No variant information recorded.", "class", "warn").newline();
            return;
        }
        h.open("div", "class", "scroll").open("table").newline();
        h.row("th", "Variant", "Description", "Command", "Fairness settings", "Effective (read back from the process)",
                "Guide code");
        for (VariantInfo v : variants) {
            h.open("tr");
            variantCell(h, v.name(), colors);
            h.element("td", Fmt.orNone(v.description()));
            h.open("td").element("code", commandLine(v.command())).close("td");
            settings(h, v.settings());
            settings(h, v.effective() == null ? Map.of() : v.effective());
            guide(h, v.guide());
            h.close("tr").newline();
        }
        h.close("table").close("div").newline();
    }

    /** The command as one line a reader can paste into a shell: arguments with spaces or quotes are quoted. */
    static String commandLine(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean plain = !arg.isEmpty()
                    && arg.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\$`".indexOf(c) >= 0);
            sb.append(plain ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private static void settings(Html h, Map<String, String> settings) {
        if (settings.isEmpty()) {
            h.element("td", Fmt.NONE);
            return;
        }
        h.open("td");
        new TreeMap<>(settings).forEach((k, v) -> h.element("code", k + "=" + v).open("br"));
        h.close("td");
    }

    private static void guide(Html h, GuideCode guide) {
        if (guide == null) {
            h.element("td", Fmt.NONE);
        } else if (guide.corrected()) {
            h.open("td").element("span", "corrected: the guide's code is broken as written", "class", "bad")
                    .element("pre", guide.original())
                    .text(guide.snippet() == null || guide.snippet().isEmpty() ? "raises: "
                            : "guide snippet " + guide.snippet() + ", run as written, recorded: ")
                    .element("code", guide.error()).close("td");
        } else {
            h.element("td", GuideCode.AS_WRITTEN.equals(guide.status()) ? "runs the guide's code as written"
                    : Fmt.orNone(guide.status()));
        }
    }

    static void variantCell(Html h, String variant, VariantColors colors) {
        h.open("td").open("span", "class", "swatch", "style", "background:" + colors.css(variant)).close("span")
                .text(VariantLabels.display(variant)).close("td");
    }

    private static void failures(Html h, List<VariantFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        h.element("h3", "Failures").newline();
        for (VariantFailure f : failures) {
            String where = f.variant() + ", trial " + f.trial()
                    + (f.step() == null ? ", before the first step" : ", step " + f.step());
            h.open("div", "class", "failure").open("h4").element("span", "FAILED", "class", "bad")
                    .text(" " + where).close("h4").newline();
            h.element("p", Fmt.orNone(f.reason()) + (f.exitCode() == null ? "" : " (exit code " + f.exitCode() + ")"))
                    .newline();
            if (!f.logTail().isEmpty()) {
                h.element("p", "Last lines of the target's output:");
                h.element("pre", String.join("\n", f.logTail())).newline();
            }
            h.close("div").newline();
        }
    }
}
