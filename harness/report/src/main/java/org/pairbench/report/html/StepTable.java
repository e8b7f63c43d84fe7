package org.pairbench.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.Interference;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.TargetResources;
import org.pairbench.report.chart.VariantColors;

/**
 * The summary table of a workload: one row per variant, trial and step, ordered by step then variant then trial so
 * that the variants of a step sit next to each other. Failed steps and steps with an invalid generator are
 * highlighted and say why; a step disturbed by other work on its CPUs, or retried for it, says so in its status. The first row of each step carries the step's anchor, which the claims table links to.
 */
final class StepTable {
    private static final String[] LATENCY = {"p50", "p90", "p99", "p99.9", "max"};
    private static final String[] ERRORS = {"timeouts", "non-2xx", "resets", "bad responses", "connect errors"};

    private StepTable() {
    }

    static void write(Html h, String workload, List<StepResult> steps, List<String> stepOrder,
                      List<String> variantOrder, VariantColors colors) {
        if (steps.isEmpty()) {
            h.element("p", "No step was measured for this workload.", "class", "warn").newline();
            return;
        }
        h.open("div", "class", "scroll").open("table").newline();
        header(h);
        String previous = null;
        for (StepResult s : sorted(steps, stepOrder, variantOrder)) {
            boolean first = s.step() != null && !s.step().equals(previous);
            row(h, s, first ? WorkloadSection.stepAnchor(workload, s.step()) : null, colors);
            previous = s.step();
        }
        h.close("table").close("div").newline();
        h.element("p", "Latencies in milliseconds over the measured period; errors are counts of requests of the "
                + "measured period (connect errors are failed connection attempts, not requests); CPU is the "
                + "target's whole process tree.").newline();
    }

    private static List<StepResult> sorted(List<StepResult> steps, List<String> stepOrder, List<String> variants) {
        List<StepResult> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.<StepResult>comparingInt(s -> indexOf(stepOrder, s.step()))
                .thenComparingInt(s -> indexOf(variants, s.variant())).thenComparingInt(StepResult::trial));
        return sorted;
    }

    private static int indexOf(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static void header(Html h) {
        h.open("tr");
        for (String name : List.of("Step", "Variant", "Trial", "Mode", "Conns", "Intended req/s", "Achieved req/s",
                "Requests")) {
            h.element("th", name, "rowspan", "2");
        }
        h.element("th", "Corrected latency (ms)", "colspan", String.valueOf(LATENCY.length));
        h.element("th", "Uncorrected p99 (ms)", "rowspan", "2");
        h.element("th", "Errors", "colspan", String.valueOf(ERRORS.length));
        h.element("th", "Target CPU-ms per 1k req", "rowspan", "2");
        h.element("th", "Peak RSS (MiB)", "rowspan", "2");
        h.element("th", "Probe, idle, upstream, database", "rowspan", "2");
        h.element("th", "Generator", "rowspan", "2");
        h.element("th", "Status", "rowspan", "2");
        h.close("tr").newline().open("tr");
        for (String name : LATENCY) {
            h.element("th", name);
        }
        for (String name : ERRORS) {
            h.element("th", name);
        }
        h.close("tr").newline();
    }

    private static void row(Html h, StepResult s, String id, VariantColors colors) {
        boolean failed = !StepResult.OK.equals(s.status());
        boolean invalid = s.generator() != null && !s.generator().valid();
        h.open("tr", "id", id, "class", failed ? "failed" : invalid ? "invalid" : null);
        h.element("td", s.step());
        WorkloadSection.variantCell(h, s.variant(), colors);
        num(h, String.valueOf(s.trial()));
        h.element("td", s.mode());
        num(h, String.valueOf(s.connections()));
        num(h, Fmt.rate(s.intendedRatePerSec()));
        num(h, Fmt.rate(s.achievedRatePerSec()));
        num(h, s.counts() == null ? Fmt.NONE : Fmt.count(s.counts().requests()));
        latencies(h, s.corrected());
        num(h, hasValues(s.uncorrected()) ? Fmt.msFromUs(s.uncorrected().p99Us()) : Fmt.NONE);
        errors(h, s.counts());
        TargetResources t = s.target();
        num(h, t == null ? Fmt.NONE : Fmt.cpuMsPer1k(t.cpuSecondsPerRequest()));
        num(h, t == null || t.peakRssBytes() <= 0 ? Fmt.NONE : Fmt.mib(t.peakRssBytes()));
        h.element("td", extras(s));
        generator(h, s.generator());
        status(h, s);
        h.close("tr").newline();
    }

    /**
     * The figures a step has beyond the main stream, one clause each: the probe stream's corrected p99 (the
     * heartbeat's latency while the load runs), the idle connections answered of those asked for, the connections
     * opened to the upstream per request it received, the database sessions opened. "-" when none.
     */
    static String extras(StepResult s) {
        List<String> parts = new ArrayList<>();
        StepResult.ProbeResult probe = s.probe();
        if (probe != null) {
            parts.add("probe " + probe.request() + " p99 " + (hasValues(probe.corrected())
                    ? Fmt.msFromUs(probe.corrected().p99Us()) + " ms" : Fmt.NONE));
        }
        StepResult.IdleConnections idle = s.idle();
        if (idle != null) {
            parts.add("idle " + Fmt.count(idle.answered()) + "/" + Fmt.count(idle.requested()) + " answered");
        }
        StepResult.UpstreamCounts up = s.upstream();
        if (up != null) {
            parts.add("upstream " + Fmt.count(up.connections()) + " conns/" + Fmt.count(up.requests()) + " req");
        }
        StepResult.DatabaseCounts db = s.database();
        if (db != null) {
            parts.add("db sessions " + Fmt.count(db.sessions()));
        }
        return parts.isEmpty() ? Fmt.NONE : String.join("; ", parts);
    }

    private static void latencies(Html h, LatencySummary l) {
        if (!hasValues(l)) {
            h.element("td", "no latency recorded", "colspan", String.valueOf(LATENCY.length), "class", "warn");
            return;
        }
        for (double us : new double[] {l.p50Us(), l.p90Us(), l.p99Us(), l.p999Us(), l.maxUs()}) {
            num(h, Fmt.msFromUs(us));
        }
    }

    private static boolean hasValues(LatencySummary l) {
        return l != null && l.count() > 0;
    }

    private static void errors(Html h, OutcomeCounts c) {
        if (c == null) {
            h.element("td", "not recorded", "colspan", String.valueOf(ERRORS.length));
            return;
        }
        for (long n : new long[] {c.timeout(), c.non2xx(), c.reset(), c.badResponse(), c.connectErrors()}) {
            h.element("td", Fmt.count(n), "class", n > 0 ? "num bad" : "num");
        }
    }

    private static void generator(Html h, GeneratorHealth g) {
        if (g == null) {
            h.element("td", "not recorded");
        } else if (g.valid()) {
            h.element("td", "valid");
        } else {
            h.open("td").element("span", "INVALID", "class", "bad").text(": " + Fmt.orNone(g.invalidReason()))
                    .close("td");
        }
    }

    private static void status(Html h, StepResult s) {
        if (StepResult.OK.equals(s.status())) {
            h.open("td").text("ok");
            interference(h, s.interference());
            h.close("td");
            return;
        }
        h.open("td").element("span", Fmt.orNone(s.status()), "class", "bad");
        if (s.error() != null) {
            h.text(": " + s.error());
        }
        h.close("td");
    }

    /**
     * A step disturbed by other work on its CPUs, or retried because its first attempt was: said after its status,
     * with the figure that exceeded the bound; for an in-process case, said of its whole benchmark program's run
     * (its figures are the program's).
     */
    private static void interference(Html h, Interference i) {
        if (i == null) {
            return;
        }
        if (i.program() != null && (i.disturbed() || i.firstAttempt() != null)) {
            h.text("; its program's run (" + i.program() + ")");
        }
        if (i.firstAttempt() != null) {
            h.text("; retried, first attempt ").element("span", "DISTURBED", "class", "bad")
                    .text(": " + Fmt.orNone(i.firstAttempt().disturbedReason()));
        }
        if (i.disturbed()) {
            h.text("; ").element("span", "DISTURBED", "class", "bad").text(": " + Fmt.orNone(i.disturbedReason()));
        }
    }

    private static void num(Html h, String text) {
        h.element("td", text, "class", "num");
    }
}
