package org.pairbench.report.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.verdict.Metric;
import org.pairbench.core.verdict.StepIntervals;

/**
 * A results directory's per-interval values for the claims' allocation of repetitions, read from each step's
 * {@code .hlog} ({@link HlogFile}): per {@code measure.corrected} interval, throughput as the requests completed
 * in it per second of it (every outcome the log holds, where the trial's throughput counts {@code ok} answers only:
 * the same for a service that answers everything), or that interval's own percentile in {@code us} (an empty
 * interval has none). The trial's cost before the step measures is the length of the trial's opening warm-up
 * ({@code warmup.hlog} beside the step's file) plus the step's own {@code warmup.corrected} intervals. Called from
 * one thread at a time.
 */
public final class HlogStepIntervals implements StepIntervals {
    private static final String MEASURED = "measure.corrected";
    private static final String WARMUP = "warmup.corrected";
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
        List<Double> values = new ArrayList<>();
        double[] seconds = new double[3]; // measured, count of measured intervals, step warm-up
        HlogFile.Result r = HlogFile.read(file, (tag, startSec, lengthSec, h) -> {
            if (MEASURED.equals(tag)) {
                seconds[0] += lengthSec;
                seconds[1]++;
                Double v = value(metric, lengthSec, h);
                if (v != null) {
                    values.add(v);
                }
            } else if (WARMUP.equals(tag)) {
                seconds[2] += lengthSec;
            }
        });
        if (r.problem() != null) {
            return Reading.problem(layout.dir().relativize(file) + ": " + r.problem());
        }
        if (seconds[1] == 0) {
            return Reading.problem(layout.dir().relativize(file) + ": no " + MEASURED + " intervals");
        }
        return new Reading(values.stream().mapToDouble(Double::doubleValue).toArray(), seconds[0] / seconds[1],
                openingWarmupSec(file.resolveSibling("warmup.hlog")) + seconds[2], null);
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

    private static Double value(Metric metric, double lengthSec, Histogram h) {
        return switch (metric) {
            case THROUGHPUT -> lengthSec > 0 ? h.getTotalCount() / lengthSec : null;
            case P50 -> percentileUs(h, 50);
            case P99 -> percentileUs(h, 99);
            case P999 -> percentileUs(h, 99.9);
            default -> null;
        };
    }

    private static Double percentileUs(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? null : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
