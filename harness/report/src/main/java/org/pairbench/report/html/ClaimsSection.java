package org.pairbench.report.html;

import java.util.List;
import java.util.Set;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.ClaimsReport.AaSeries;
import org.pairbench.core.verdict.VerdictRule;
import org.pairbench.core.verdict.VerdictText;
import org.pairbench.report.chart.ChartRef;

/**
 * The claims at the top of the page, from {@code claims.json}: a headline with the count of each verdict, one line
 * of plain words per claim ({@link ClaimSentence}), the forest plot of every effect, then the table: per claim
 * comparison the words tested with
 * their page and section (or the outside source), the two variants, the metric and step, the hypothesis, the
 * verdict as a coloured badge with the broken flag beside it (and what the guide's original raises), the effect
 * with its 95% interval, the paired trials and the reason (its first clause shown, the rest folded, with the plan
 * of repetitions when the claim has one), each row linking to the workload section that holds its evidence and,
 * where the page has it, the metric to the step's rows of that workload's summary table. Then the run's A/A series
 * and how a verdict is reached. Everything shown is read from the file: this class computes
 * nothing. Stateless.
 */
final class ClaimsSection {
    static final String ANCHOR = "claims";
    private static final String[] HEADER = {"claim", "the guide's words", "compared", "hypothesis", "verdict",
        "effect [95% CI]", "trials", "why"};
    /** Column widths of the claims table, in percent: it must fit a 1280-pixel window without scrolling. */
    private static final int[] WIDTHS = {13, 22, 17, 9, 9, 10, 5, 15};
    private static final List<String> VERDICTS = List.of(ClaimVerdict.SUPPORTED, ClaimVerdict.REFUTED,
            ClaimVerdict.INCONCLUSIVE, ClaimVerdict.NO_DATA);

    private ClaimsSection() {
    }

    /**
     * @param claims    {@code claims.json}, or null when the directory has none
     * @param problem   why it could not be read, or null
     * @param anchors   the ids of the page's workload sections and step rows: links go only where one exists
     * @param workloads the run's workloads (how each claim's step loaded the service, for its line in words)
     * @param forest    the claims' forest plot, or null when none was drawn
     */
    static void write(Html h, ClaimsReport claims, String problem, Set<String> anchors,
                      List<WorkloadResult> workloads, ChartRef forest) {
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
        headline(h, claims.claims());
        lines(h, claims.claims(), workloads);
        if (forest != null) {
            ChartsSection.figure(h, forest);
        }
        h.element("p", "Effect: how many times better the candidate is than the baseline (above 1: better; B/A when "
                + "higher is better, A/B when lower is), the geometric mean of the ratios of the trials valid on "
                + "both sides, taken as pairs; for counts, candidate minus baseline. 95% CI: t-interval over the "
                + "pairs. Each claim links to its workload's charts; open a reason for the figures behind it.")
                .newline();
        h.open("table", "class", "claims").newline();
        h.open("colgroup");
        for (int w : WIDTHS) {
            h.open("col", "style", "width:" + w + "%");
        }
        h.close("colgroup").newline();
        h.row("th", HEADER);
        for (ClaimVerdict c : claims.claims()) {
            row(h, c, anchors);
        }
        h.close("table").newline();
        aa(h, claims.aa());
        rule(h);
        h.close("section").newline();
    }

    /** The count of each verdict, and of the broken flag, in one line above everything else. */
    private static void headline(Html h, List<ClaimVerdict> claims) {
        h.open("p", "class", "headline").text(claims.size() + " claim comparisons: ");
        for (int i = 0; i < VERDICTS.size(); i++) {
            String v = VERDICTS.get(i);
            long n = claims.stream().filter(c -> c.verdict().equals(v)).count();
            h.text(i == 0 ? "" : " \u00b7 ").element("span", n + " " + v, "class", "verdict " + v);
        }
        long broken = claims.stream().filter(ClaimVerdict::broken).count();
        if (broken > 0) {
            h.text(" \u00b7 ").element("span", broken + " broken", "class", "verdict broken", "title",
                    "the guide's code does not run as written: the verdict is the corrected code's");
        }
        h.close("p").newline();
    }

    /** One line of plain words per claim, each linking to its row of the table. */
    private static void lines(Html h, List<ClaimVerdict> claims, List<WorkloadResult> workloads) {
        h.open("ul", "class", "claim-lines").newline();
        for (ClaimVerdict c : claims) {
            WorkloadResult w = workloads.stream().filter(x -> x.workload().equals(c.workload())).findFirst()
                    .orElse(null);
            h.open("li", "title", descriptions(c, w)).element("a", c.id(), "href", "#" + rowId(c)).text(": ")
                    .element("span", ClaimSentence.of(c, w), "class", "sentence " + c.verdict())
                    .close("li").newline();
        }
        h.close("ul").newline();
    }

    /** The two variants' descriptions, for the tooltip of a claim's line. */
    private static String descriptions(ClaimVerdict c, WorkloadResult w) {
        if (w == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String name : List.of(c.baseline(), c.candidate())) {
            w.variants().stream().filter(v -> v.name().equals(name)).findFirst()
                    .ifPresent(v -> out.append(out.length() == 0 ? "" : "\n").append(name).append(": ")
                            .append(v.description()));
        }
        return out.length() == 0 ? null : out.toString();
    }

    static String rowId(ClaimVerdict c) {
        return "claim-" + c.id().replace('/', '-');
    }

    private static void row(Html h, ClaimVerdict c, Set<String> anchors) {
        h.open("tr", "id", rowId(c)).newline();
        h.open("td").element("a", c.id(), "href", evidence(c, anchors)).open("br").element("small", c.workload())
                .close("td");
        h.open("td").text(VerdictText.words(c.source())).open("br").open("small").text(c.source().where())
                .close("small").close("td");
        String step = WorkloadSection.stepAnchor(c.workload(), c.step());
        h.open("td").text(c.baseline() + " \u2192 " + c.candidate()).open("br").open("small")
                .text(c.metric() + (ClaimSpec.CV.equals(c.statistic()) ? " (trial-to-trial CV)" : "") + " @ ")
                .element("a", c.step(), "href", anchors.contains(step) ? "#" + step : null).close("small")
                .close("td");
        h.element("td", VerdictText.hypothesis(c).replace(">=", "\u2265").replace("x", "\u00d7"));
        h.open("td").element("span", c.verdict(), "class", "verdict " + c.verdict());
        if (c.broken()) {
            h.text(" ").element("span", "broken", "class", "verdict broken", "title",
                    "the guide's code does not run as written");
        }
        h.close("td");
        String effect = VerdictText.effect(c, "\u00d7");
        String ci = VerdictText.interval(c);
        h.open("td", "class", "num").text(effect == null ? Fmt.NONE : effect).open("br")
                .element("small", ci == null ? Fmt.NONE : ci).close("td");
        h.element("td", Integer.toString(c.trials()), "class", "num");
        h.open("td").open("details").element("summary", shortReason(c.reason())).text(c.reason());
        if (c.broken()) {
            h.open("br").open("small").text("Broken: the guide's code does not run as written: " + c.guideCode())
                    .close("small");
        }
        if (c.repetitions() != null && c.repetitions().trialsNeeded() != null) {
            h.open("br").open("small").text("Repetitions: " + c.repetitions().sentence()).close("small");
        }
        h.close("details").close("td").close("tr").newline();
    }

    /** The reason's first clause, which says what decided the verdict; the rest is folded under it. */
    static String shortReason(String reason) {
        int cut = reason.indexOf("; ");
        return cut < 0 ? reason : reason.substring(0, cut);
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

    private static void aa(Html h, List<AaSeries> series) {
        h.element("h3", "A/A series").newline();
        if (series.isEmpty()) {
            h.element("p", "This run has no A/A series (a profile's aa: variant measured twice) with two valid "
                    + "pairs, so no claim could be checked against one.").newline();
            return;
        }
        h.element("p", "The same variant measured twice (as itself and as its .aa twin), interleaved like any pair, "
                + "compared by the method claims are (at 99%): where the interval excludes 1 (0 for a count), the run "
                + "cannot judge the claims at that step and metric.").newline();
        h.open("div", "class", "scroll").open("table").newline();
        h.row("th", "workload", "variant", "metric", "step", "A\u2032 vs A", "95% CI", "trials", "");
        for (AaSeries a : series) {
            boolean diff = ClaimVerdict.DIFFERENCE.equals(a.scale());
            h.open("tr").element("td", a.workload()).element("td", a.variant()).element("td", a.metric())
                    .element("td", a.step())
                    .element("td", diff ? VerdictRule.num(a.effect()) : ClaimsJudge.factor(a.effect()) + "\u00d7",
                            "class", "num")
                    .element("td", "[" + (diff ? VerdictRule.num(a.ciLow()) : ClaimsJudge.factor(a.ciLow())) + ", "
                            + (diff ? VerdictRule.num(a.ciHigh()) : ClaimsJudge.factor(a.ciHigh())) + "]",
                            "class", "num")
                    .element("td", Integer.toString(a.trials()), "class", "num")
                    .element("td", a.differs() ? "differs" : "").close("tr").newline();
        }
        h.close("table").close("div").newline();
    }

    private static void rule(Html h) {
        h.element("h3", "How a verdict is reached").newline();
        h.element("p", "Each claim states a hypothesis, and the verdict tests it on the 95% interval: better by at "
                + "least a factor F (supported when the interval lies above F, refuted when at or below it); not "
                + "worse than a margin m (the bound is 1/(1+m)); the same within m (supported when the whole "
                + "interval lies inside [1/(1+m), 1+m], refuted when wholly outside); for counts, fewer or more, on "
                + "the difference. Inconclusive in between; no-data with fewer than " + ClaimsJudge.MIN_PAIRS
                + " valid paired trials, a missing variant or step, or a failed parity check. The interval is built "
                + "from the pairs' own spread, so the A/A series is not added to it: where the workload's own A/A "
                + "differs at that step, the run cannot judge the claim and says so. Broken is a flag beside the "
                + "verdict: a compared variant runs a corrected version of guide code that does not run as written; "
                + "the verdict is the corrected code's. Nothing here is written by hand: claims.json is computed "
                + "from summary.json and the claims files.").newline();
    }
}
