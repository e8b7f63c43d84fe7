package org.pairbench.core.inprocess;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.pairbench.core.record.Histograms;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Phase;
import org.pairbench.core.result.InProcessFigures;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.StepResult;

/**
 * Turns one pyperf benchmark case of one trial into a step: its values into an {@code .hlog} file and the step's
 * figures in the shape every other step has, so summary, charts, claims and compare read it unchanged.
 *
 * <h2>The .hlog file of an in-process step</h2>
 * The same format as a service step's ({@code StepRecording}): a standard HdrHistogram interval log, values in
 * nanoseconds. One interval per pyperf run (one worker process), placed one after the other by the run's
 * {@code duration}; each holds that run's warm-up values under {@code warmup.corrected} and its measured values
 * under {@code measure.corrected} and {@code measure.uncorrected} (the same values: a benchmark has no schedule to
 * fall behind, so the two views agree). A value is pyperf's time per operation, rounded to the nanosecond.
 *
 * <h2>Figures</h2>
 * {@code corrected} (and {@code uncorrected}) summarise every measured value of every run: nanoseconds per
 * operation, shown in microseconds. {@code counts.ok} is the operations timed (values times pyperf's loops and
 * inner loops), {@code measureSec} the seconds they took, so {@code achievedRatePerSec} and the throughput metric
 * are operations per second. The counts the benchmark process took ({@code pairbench_*} run metadata) are averaged
 * over the runs that have them. Stateless.
 */
public final class InProcessStep {
    private InProcessStep() {
    }

    /**
     * Writes the case's {@code .hlog} file and returns the step.
     *
     * @param header      the comment line opening the file (workload, variant, trial, step)
     * @param baseEpochMs when the trial started
     */
    public static StepResult record(PyperfOutput.Benchmark bench, List<String> warnings, String variant, int trial,
                                    Path hlogFile, String hlogRelative, String header, long baseEpochMs)
            throws IOException {
        Histogram measure = Histograms.newHistogram();
        Histogram warmup = Histograms.newHistogram();
        double measuredSec = 0;
        long ops = 0;
        int processes = 0;
        int values = 0;
        int warmups = 0;
        Files.createDirectories(hlogFile.toAbsolutePath().getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(hlogFile), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment(header);
            writer.outputStartTime(baseEpochMs);
            writer.setBaseTime(baseEpochMs);
            writer.outputBaseTime(baseEpochMs);
            writer.outputLegend();
            long startMs = baseEpochMs;
            for (PyperfOutput.Run run : bench.runs()) {
                long endMs = startMs + Math.max(1, Math.round((run.durationSec() > 0 ? run.durationSec() : 1) * 1e3));
                write(writer, run.warmupSecs(), startMs, endMs, LatencyView.CORRECTED.tag(Phase.WARMUP), warmup);
                if (!run.valueSecs().isEmpty()) {
                    Histogram h = write(writer, run.valueSecs(), startMs, endMs,
                            LatencyView.CORRECTED.tag(Phase.MEASURE), measure);
                    h.setTag(LatencyView.UNCORRECTED.tag(Phase.MEASURE));
                    writer.outputIntervalHistogram(h);
                    processes++;
                    values += run.valueSecs().size();
                    for (double v : run.valueSecs()) {
                        measuredSec += v * run.opsPerValue();
                        ops += run.opsPerValue();
                    }
                }
                warmups += run.warmupSecs().size();
                startMs = endMs;
            }
        }
        LatencySummary perOp = LatencySummary.of(measure);
        OutcomeCounts counts = new OutcomeCounts(ops, 0, 0, 0, 0, 0);
        InProcessFigures figures = new InProcessFigures(processes, values, warmups, counts(bench), notes(bench),
                warnings);
        boolean ok = values > 0;
        return new StepResult(variant, trial, bench.name(), StepResult.INPROCESS, bench.name(), 0, null,
                measuredSec > 0 ? ops / measuredSec : 0, measuredSec, counts, perOp, perOp,
                LatencySummary.of(Histograms.newHistogram()), null, null, hlogRelative,
                ok ? StepResult.OK : StepResult.FAILED, ok ? null : "pyperf measured no values", null, null, null,
                null, figures);
    }

    private static Histogram write(HistogramLogWriter writer, List<Double> secs, long fromMs, long toMs, String tag,
                                   Histogram total) {
        Histogram h = Histograms.newHistogram();
        for (double s : secs) {
            h.recordValue(Histograms.clamp(Math.max(1, Math.round(s * 1e9))));
        }
        total.add(h);
        h.setStartTimeStamp(fromMs);
        h.setEndTimeStamp(toMs);
        h.setTag(tag);
        if (!secs.isEmpty()) {
            writer.outputIntervalHistogram(h);
        }
        return h;
    }

    /** Each numeric {@code pairbench_*} metadata item, averaged over the runs that carry it. */
    static Map<String, Double> counts(PyperfOutput.Benchmark bench) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (PyperfOutput.Run run : bench.runs()) {
            run.metadata().forEach((key, value) -> {
                if (key.startsWith(PyperfOutput.META_PREFIX) && value instanceof Number n) {
                    byName.computeIfAbsent(key.substring(PyperfOutput.META_PREFIX.length()), k -> new ArrayList<>())
                            .add(n.doubleValue());
                }
            });
        }
        Map<String, Double> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        return out;
    }

    /** Each text {@code pairbench_*} metadata item, from the first run that has it. */
    static Map<String, String> notes(PyperfOutput.Benchmark bench) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PyperfOutput.Run run : bench.runs()) {
            run.metadata().forEach((key, value) -> {
                if (key.startsWith(PyperfOutput.META_PREFIX) && value instanceof String s) {
                    out.putIfAbsent(key.substring(PyperfOutput.META_PREFIX.length()), s);
                }
            });
        }
        return out;
    }
}
