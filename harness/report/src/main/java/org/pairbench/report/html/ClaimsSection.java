package org.pairbench.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.ClaimsReport.NoiseFloor;

/**
 * The claims table at the top of the page, from {@code claims.json}: per claim comparison the guide's words and
 * page, the two variants, the metric and step, the verdict as a coloured badge, the effect with its 95% interval,
 * the noise floor, the paired trials and the reason, each row linking to the workload section that holds its
 * evidence and, where the page has it, the metric to the step's rows of that workload's summary table. Then the A/A noise floors the verdicts were judged against, and how a verdict is reached. Everything
 * shown is read from the file: this class computes nothing. Stateless.
 */
final class ClaimsSection {
    static final String ANCHOR = "claims";
    private static final String[] HEADER = {"claim", "guide says", "workload", "baseline \u2192 candidate",
        "metric @ step", "verdict", "effect", "95% CI", "noise", "trials", "reason"};

    private ClaimsSection() {
    }

    /**
     * @param claims   {@code claims.json}, or null when the directory has none
     * @param problem  why it could not be read, or null
     * @param anchors  the ids of the page's workload sections and step rows: links go only where one exists
     */
    static void write(Html h, ClaimsReport claims, String problem, Set<String> anchors) {
        h.open("section", "id", ANCHOR).newline();
        h.element("h2", "The guide's claims").newline();
        if (claims == null) {
            h.element("p", problem != null ? problem
                    : "No claims.json in this directory: no verdicts (pairbench report DIR computes it).",
                    "class", "banner warn").newline();
            h.close("section").newline();
            return;
        }
        if (claims.claims().isEmpty()) {
            h.element("p", "None of workloads/claims.yaml concerns this run's workloads.").newline();
            h.close("section").newline();
            return;
        }
        h.element("p", "Effect: how many times better the candidate is than the baseline (above 1: better; B/A when "
                + "higher is better, A/B when lower is), from the means over the trials valid on both sides, taken "
                + "as pairs; 95% CI: paired bootstrap interval. Each claim links to its workload's charts.").newline();
        h.open("div", "class", "scroll").open("table", "class", "claims").newline();
        h.row("th", HEADER);
        for (ClaimVerdict c : claims.claims()) {
            row(h, c, anchors);
        }
        h.close("table").close("div").newline();
        noise(h, claims.noise());
        rule(h);
        h.close("section").newline();
    }

    private static void row(Html h, ClaimVerdict c, Set<String> anchors) {
        h.open("tr", "id", "claim-" + c.id().replace('/', '-')).newline();
        h.open("td").element("a", c.id(), "href", evidence(c, anchors)).close("td");
        h.open("td").text(c.guideWords()).open("br").open("small").text(c.page()).close("small").close("td");
        h.element("td", c.workload());
        h.element("td", c.baseline() + " \u2192 " + c.candidate());
        String step = WorkloadSection.stepAnchor(c.workload(), c.step());
        h.open("td").text(c.metric() + (ClaimSpec.CV.equals(c.statistic()) ? " (trial-to-trial CV)" : "") + " @ ")
                .element("a", c.step(), "href", anchors.contains(step) ? "#" + step : null).close("td");
        h.open("td").element("span", c.verdict(), "class", "verdict " + c.verdict()).close("td");
        h.element("td", c.effect() == null ? Fmt.NONE : ClaimsJudge.factor(c.effect()) + "\u00d7", "class", "num");
        h.element("td", c.ciLow() == null ? Fmt.NONE
                : "[" + ClaimsJudge.factor(c.ciLow()) + ", " + ClaimsJudge.factor(c.ciHigh()) + "]", "class", "num");
        h.element("td", c.noisePct() == null ? Fmt.NONE : String.format(Locale.ROOT, "%.1f%%", c.noisePct()),
                "class", "num");
        h.element("td", Integer.toString(c.trials()), "class", "num");
        h.open("td").text(c.reason());
        if (c.guideCode() != null) {
            h.open("br").open("small").text("Guide code as written: " + c.guideCode()).close("small");
        }
        h.close("td").close("tr").newline();
    }

    /**
     * The evidence link claims.json gives when this page has that id; else the claim's workload section when the
     * page has one (an id spelled otherwise); else none (a workload this run did not measure).
     */
    static String evidence(ClaimVerdict c, Set<String> anchors) {
        String given = c.evidence();
        if (given != null && given.startsWith("#") && anchors.contains(given.substring(1))) {
            return given;
        }
        String section = WorkloadSection.anchor(c.workload());
        return anchors.contains(section) ? "#" + section : null;
    }

    private static void noise(Html h, List<NoiseFloor> floors) {
        h.element("h3", "A/A noise floors").newline();
        if (floors.isEmpty()) {
            h.element("p", "This run has no A/A series (a profile's aa: variant measured twice), so verdicts were "
                    + "judged without a noise floor.").newline();
            return;
        }
        h.element("p", "The same variant measured twice (as itself and as its .aa twin), interleaved like any pair: "
                + "how far the A\u2032/A interval strays from 1 on this machine.").newline();
        h.open("div", "class", "scroll").open("table").newline();
        h.row("th", "workload", "variant", "metric", "step", "noise", "trials");
        for (NoiseFloor f : floors) {
            h.open("tr").element("td", f.workload()).element("td", f.variant()).element("td", f.metric())
                    .element("td", f.step())
                    .element("td", String.format(Locale.ROOT, "%.1f%%", f.noisePct()), "class", "num")
                    .element("td", Integer.toString(f.trials()), "class", "num").close("tr").newline();
        }
        h.close("table").close("div").newline();
    }

    private static void rule(Html h) {
        h.element("h3", "How a verdict is reached").newline();
        h.element("p", "With the claim's threshold T (the improvement the guide implies: 1.0 any, 1.1 "
                + "\u201csignificantly\u201d) and the noise floor n: supported when the interval's low end is above "
                + "T\u00d7(1+n); refuted when its high end is below T/(1+n); inconclusive otherwise (the interval "
                + "straddles T, or clears it by less than the noise); no-data with fewer than "
                + ClaimsJudge.MIN_PAIRS + " valid paired trials, a missing variant or step, or a failed parity check; "
                + "broken when a compared variant runs a corrected version of guide code that does not run as "
                + "written (the reason says what the original raises and what the corrected code earns). Nothing "
                + "here is written by hand: claims.json is computed from summary.json and workloads/claims.yaml.")
                .newline();
    }
}
