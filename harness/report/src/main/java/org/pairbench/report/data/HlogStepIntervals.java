package org.pairbench.report.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.verdict.Metric;
import org.pairbench.core.verdict.StepIntervals;

/**
 * A results directory's per-interval values for the claims' allocation of repetitions, read from each step's
 * {@code .hlog} ({@link HlogFile}): per {@code measure.corrected} interval, throughput as the requests completed
 * in it per second of it (every outcome the log holds, where the trial's throughput counts {@code ok} answers
 * only: the same for a service that answers everything), or that interval's own percentile in {@code us} (an empty
 * interval has none). An interval the warm-up shares is rated over its measured part only. The trial's cost before
 * the step measures is the length of the trial's opening warm-up ({@code warmup.hlog} beside the step's file) plus
 * the step's own {@code warmup.corrected} intervals, and one interval's cost is the longest interval's length (1
 * s; the last one is cut short by the step's end). Called from one thread at a time.
 */
public final class HlogStepIntervals implements StepIntervals {
    private static final String MEASURED = "measure.corrected";
    private static final String WARMUP = "warmup.corrected";
    /** Intervals measured for less than this share of a whole one hold too few requests to rate: left out. */
    private static final double SHORTEST = 0.25;
    private final ResultLayout layout;

    public HlogStepIntervals(ResultLayout layout) {
        this.layout = layout;
    }

    @Override
    public Reading read(StepResult step, Metric metric) {
        if (step.hlog() == null) {
            return Reading.problem("the step has no interval log");
        }
        Path file = layout.resolve(step.hlog());
        List<Measured> measured = new ArrayList<>();
        List<Double> warmupStartsSec = new ArrayList<>();
        HlogFile.Result r = HlogFile.read(file, (tag, startSec, lengthSec, h) -> {
            if (MEASURED.equals(tag)) {
                measured.add(new Measured(startSec, lengthSec, h.getTotalCount(), percentilesUs(h)));
            } else if (WARMUP.equals(tag)) {
                warmupStartsSec.add(startSec);
            }
        });
        String where = layout.dir().relativize(file).toString();
        if (r.problem() != null) {
            return Reading.problem(where + ": " + r.problem());
        }
        if (measured.isEmpty()) {
            return Reading.problem(where + ": no " + MEASURED + " intervals");
        }
        double nominalSec = measured.stream().mapToDouble(Measured::lengthSec).max().orElseThrow();
        double[] lengths = measuredLengths(measured, warmupStartsSec, step.measureSec());
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Double v = lengths[i] < SHORTEST * nominalSec ? null : measured.get(i).value(metric, lengths[i]);
            if (v != null) {
                values.add(v);
            }
        }
        double trialCostSec = openingWarmupSec(file.resolveSibling("warmup.hlog")) + warmupStartsSec.size() * nominalSec;
        return new Reading(values.stream().mapToDouble(Double::doubleValue).toArray(), nominalSec,
                Arrays.stream(lengths).sum(), trialCostSec, null);
    }

    /**
     * How long each measured interval was measured. The phases split the seconds by each request's intended send
     * time, so the first measured interval shares its second with the last warm-up interval (same start): its
     * measured part is the step's {@code measureSec} less the other intervals, which lie wholly in the measured
     * period (the last one ends with the step and has its own length).
     */
    private static double[] measuredLengths(List<Measured> measured, List<Double> warmupStartsSec,
                                            double measureSec) {
        double[] lengths = measured.stream().mapToDouble(Measured::lengthSec).toArray();
        if (!warmupStartsSec.contains(measured.get(0).startSec())) {
            return lengths;
        }
        double rest = 0;
        for (int i = 1; i < lengths.length; i++) {
            rest += lengths[i];
        }
        double first = measureSec - rest;
        lengths[0] = first > 0 && first < lengths[0] ? first : lengths[0];
        return lengths;
    }

    /** One measured interval, kept as the few figures the metrics need (the sink's histogram is reused). */
    private record Measured(double startSec, double lengthSec, long count, double[] percentilesUs) {
        Double value(Metric metric, double measuredSec) {
            return switch (metric) {
                case THROUGHPUT -> count / measuredSec;
                case P50 -> count == 0 ? null : percentilesUs[0];
                case P99 -> count == 0 ? null : percentilesUs[1];
                case P999 -> count == 0 ? null : percentilesUs[2];
                default -> null;
            };
        }
    }

    private static double[] percentilesUs(Histogram h) {
        return new double[] {h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0};
    }

    /** The trial's opening warm-up, seconds; 0 when the trial had none (its file is absent). */
    private static double openingWarmupSec(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        double[] sec = new double[1];
        HlogFile.read(file, (tag, startSec, lengthSec, h) -> {
            if (WARMUP.equals(tag)) {
                sec[0] += lengthSec;
            }
        });
        return sec[0];
    }
}
