package org.pairbench.report.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.report.data.PhaseLadder;
import org.pairbench.report.data.ResourceCosts;
import org.pairbench.report.data.StepData;
import org.pairbench.report.data.ThroughputLatency;

/**
 * Draws every chart of one workload into {@code charts/<workload>/}: for a migration's phases ({@link PhaseLadder})
 * the ladder charts first, then per step id a percentile distribution and a latency timeline (from the {@code .hlog}
 * files), and per request and mode a throughput-vs-p99 chart (from the summary). A chart that cannot be drawn is skipped and said so in {@link Result#notes()}; nothing here throws for
 * missing or partial data. Not thread-safe (shares the run's {@link VariantColors}).
 */
public final class WorkloadCharts {
    private static final String THROUGHPUT_CAPTION = "One faded dot per trial; the line joins, in order of offered "
            + "load, the medians of each variant's trials with a valid generator. From summary.json.";
    private static final String BARS = " Bar: the median of the variant's trials with a valid generator; dot: each "
            + "trial; cross: a trial whose generator was INVALID (left out of the bar). From summary.json.";
    private static final String CPU_CAPTION = "The target's CPU time (user + system, its whole process tree) over "
            + "the measured period, divided by the requests answered: CPU-milliseconds per 1,000 requests, the same "
            + "number as CPU-microseconds per request." + BARS;
    private static final String RSS_CAPTION = "The target's peak resident memory during the step minus its "
            + "resident memory at the trial's start, divided by the step's connections (idle and probe ones "
            + "included), in KiB. With few connections this is mostly the allocator's own growth; it means "
            + "something per connection where a step holds many." + BARS;
    private static final String LADDER_CAPTION = "The workload's variants are the phases of one migration, left to "
            + "right in order. Diamond: the median of the phase's trials with a valid generator; whisker: their "
            + "lowest to highest; dot: each trial; cross: a trial whose generator was INVALID (left out of the "
            + "line). Read from summary.json as the claims read it.";
    private static final String LADDER_THROUGHPUT_CAPTION = "Throughput at the top of the closed-loop sweep, where "
            + "every phase has saturated. " + LADDER_CAPTION;
    private static final String LADDER_P99_CAPTION = "Corrected p99 at a fixed offered rate (open loop), below every "
            + "phase's saturation. " + LADDER_CAPTION;
    private final ResultLayout layout;
    private final WorkloadResult workload;
    private final VariantColors colors;
    private final boolean withSvg;
    private final List<ChartRef> charts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    /**
     * @param charts the charts drawn, in page order
     * @param notes  what could not be drawn, or was drawn from less than the run intended
     * @param files  every file written
     */
    public record Result(List<ChartRef> charts, List<String> notes, List<Path> files) {
    }

    private WorkloadCharts(ResultLayout layout, WorkloadResult workload, VariantColors colors, boolean withSvg) {
        this.layout = layout;
        this.workload = workload;
        this.colors = colors;
        this.withSvg = withSvg;
    }

    /** Draws every chart of the workload as PNG, and as SVG too when {@code withSvg}. */
    public static Result render(ResultLayout layout, WorkloadResult workload, VariantColors colors,
                                boolean withSvg) {
        WorkloadCharts w = new WorkloadCharts(layout, workload, colors, withSvg);
        w.renderAll();
        return new Result(List.copyOf(w.charts), List.copyOf(w.notes), List.copyOf(w.files));
    }

    private void renderAll() {
        renderLadders();
        List<String> variants = variantNames(workload);
        for (String stepId : stepIds(workload.steps())) {
            List<StepResult> steps = workload.steps().stream().filter(s -> stepId.equals(s.step())).toList();
            StepData data = StepData.load(layout, workload.workload(), variants, steps);
            if (data.percentiles().isEmpty()) {
                notes.add("No latency data for step " + stepId + ", so no chart for it.");
                notes.addAll(data.warnings());
                continue;
            }
            String where = " \u2014 " + workload.workload() + " / " + stepId;
            String percentilesTitle = "Latency by percentile" + where;
            draw(ChartRef.Kind.PERCENTILES, stepId, percentilesTitle,
                    () -> PercentileChart.build(percentilesTitle, data.percentiles(), colors, data.invalid()),
                    stepId + "-percentiles", data.caption(), data.warnings());
            if (data.timelines().isEmpty()) {
                continue;
            }
            String timelineTitle = "Corrected latency over time" + where;
            draw(ChartRef.Kind.TIMELINE, stepId, timelineTitle,
                    () -> TimelineChart.build(timelineTitle, data.timelines(), colors, data.invalid()),
                    stepId + "-timeline", data.caption(), data.warnings());
        }
        for (ThroughputLatency t : ThroughputLatency.of(variants, workload.steps())) {
            String title = String.format(Locale.ROOT, "Throughput vs corrected p99 \u2014 %s: request %s, %s loop",
                    workload.workload(), t.request(), t.mode());
            draw(ChartRef.Kind.THROUGHPUT, t.request() + " " + t.mode(), title,
                    () -> ThroughputLatencyChart.build(title, t, colors), "throughput-" + t.request() + "-" + t.mode(),
                    THROUGHPUT_CAPTION, throughputWarnings(t));
        }
        renderResources(variants);
    }

    /** A migration's phases in order: throughput at saturation and p99 at a fixed rate, when the run has them. */
    private void renderLadders() {
        List<VariantInfo> phases = PhaseLadder.phases(workload);
        if (phases.isEmpty()) {
            return;
        }
        List<PhaseLadder> throughput = PhaseLadder.throughput(phases, workload.steps());
        if (!throughput.isEmpty()) {
            String title = "Throughput at saturation, phase by phase \u2014 " + workload.workload();
            draw(ChartRef.Kind.LADDER, ChartRef.LADDER, title, () -> LadderChart.build(title, throughput),
                    "ladder-throughput", LADDER_THROUGHPUT_CAPTION, ladderWarnings(throughput));
        }
        List<PhaseLadder> p99 = PhaseLadder.p99AtFixedRate(phases, workload.steps());
        if (!p99.isEmpty()) {
            String title = "p99 at a fixed offered rate, phase by phase \u2014 " + workload.workload();
            draw(ChartRef.Kind.LADDER, ChartRef.LADDER, title, () -> LadderChart.build(title, p99), "ladder-p99",
                    LADDER_P99_CAPTION, ladderWarnings(p99));
        }
        if (throughput.isEmpty() && p99.isEmpty()) {
            notes.add("No ladder chart: no phase has a valid closed-loop or open-loop step.");
        }
    }

    /** Per ladder, the phases with no valid trial at its step (a gap in the line) and those with INVALID trials. */
    private static List<String> ladderWarnings(List<PhaseLadder> ladders) {
        List<String> warnings = new ArrayList<>();
        for (PhaseLadder l : ladders) {
            for (PhaseLadder.Rung r : l.rungs()) {
                if (r.median() == null) {
                    warnings.add(l.label() + ": " + r.variant() + " has no valid trial at " + l.stepId()
                            + ", a gap in the line.");
                }
                invalidWarning(warnings, r.variant(), r.trials().stream().filter(t -> !t.valid()).count(),
                        "line of " + l.label());
            }
        }
        return warnings;
    }

    /** Resource costs per unit of work, from the summary: CPU per request always, memory per connection if known. */
    private void renderResources(List<String> variants) {
        ResourceCosts cpu = ResourceCosts.cpuPerRequest(variants, workload.steps());
        if (!cpu.isEmpty()) {
            String title = "Target CPU per request \u2014 " + workload.workload();
            draw(ChartRef.Kind.CPU_PER_REQUEST, ChartRef.RESOURCES, title,
                    () -> CpuPerRequestChart.build(title, cpu, colors), "cpu-per-request", CPU_CAPTION,
                    invalidWarnings(cpu));
        }
        ResourceCosts rss = ResourceCosts.rssPerConnection(variants, workload.steps());
        if (!rss.isEmpty()) {
            String title = "Target memory per connection \u2014 " + workload.workload();
            draw(ChartRef.Kind.RSS_PER_CONNECTION, ChartRef.RESOURCES, title,
                    () -> RssPerConnectionChart.build(title, rss, colors), "rss-per-connection", RSS_CAPTION,
                    invalidWarnings(rss));
        }
    }

    /** Builds and saves one chart; a failure to do either becomes a note, so one bad chart spares the rest. */
    private void draw(ChartRef.Kind kind, String group, String title, Supplier<XYChart> chart, String baseName,
                      String caption, List<String> warnings) {
        String base = ChartStyle.fileSafe(baseName);
        try {
            files.addAll(ChartStyle.save(chart.get(), layout.chartsDir(workload.workload()), base, withSvg));
        } catch (IOException | RuntimeException e) {
            notes.add("Chart " + base + " could not be written: " + e);
            return;
        }
        String dir = relative(layout.chartsDir(workload.workload()));
        charts.add(new ChartRef(kind, group, title, dir + "/" + base + ".png",
                withSvg ? dir + "/" + base + ".svg" : null, caption,
                warnings));
    }

    private String relative(Path p) {
        Path rel = layout.dir().toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }

    private static List<String> invalidWarnings(ResourceCosts costs) {
        List<String> warnings = new ArrayList<>();
        costs.series().forEach(s -> invalidWarning(warnings, s.variant(),
                s.trials().stream().filter(p -> !p.valid()).count(), "bars"));
        return warnings;
    }

    private static List<String> throughputWarnings(ThroughputLatency t) {
        List<String> warnings = new ArrayList<>();
        t.series().forEach(s -> invalidWarning(warnings, s.variant(),
                s.trials().stream().filter(p -> !p.valid()).count(), "line"));
        return warnings;
    }

    /** One warning per variant with trials whose generator was INVALID: drawn as crosses, out of the summary. */
    private static void invalidWarning(List<String> warnings, String variant, long invalid, String summaryShape) {
        if (invalid > 0) {
            warnings.add(VariantLabels.display(variant) + ": " + invalid + " trial step(s) with an INVALID "
                    + "generator, shown as crosses and left out of the " + summaryShape + ".");
        }
    }

    /** Variant names as the workload lists them, then any found only in its steps. */
    public static List<String> variantNames(WorkloadResult w) {
        Set<String> names = new LinkedHashSet<>();
        w.variants().stream().map(VariantInfo::name).forEach(names::add);
        w.steps().stream().map(StepResult::variant).forEach(names::add);
        w.failures().forEach(f -> names.add(f.variant()));
        names.remove(null);
        return List.copyOf(names);
    }

    /** Step ids in order of first appearance. */
    public static List<String> stepIds(List<StepResult> steps) {
        Set<String> ids = new LinkedHashSet<>();
        steps.stream().map(StepResult::step).forEach(ids::add);
        ids.remove(null);
        return List.copyOf(ids);
    }
}
