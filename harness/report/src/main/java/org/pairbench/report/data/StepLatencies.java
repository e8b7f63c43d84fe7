package org.pairbench.report.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.Histograms;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Phase;

/**
 * The latencies of one step of one variant, gathered from the {@code .hlog} files of all its trials: the measured
 * period's corrected and uncorrected histograms merged over trials (for the percentile distribution), and the
 * corrected view per 1-second interval, merged over trials interval by interval (for the timeline).
 *
 * <p>Only what the charts need is kept: per-interval histograms of the other views are read and dropped.
 * Accumulators auto-resize, so they stay as small as the values recorded. Not thread-safe.
 */
public final class StepLatencies implements IntervalSink {
    private static final String MEASURE_CORRECTED = LatencyView.CORRECTED.tag(Phase.MEASURE);
    private static final String MEASURE_UNCORRECTED = LatencyView.UNCORRECTED.tag(Phase.MEASURE);
    private static final String WARMUP_CORRECTED = LatencyView.CORRECTED.tag(Phase.WARMUP);

    private final String variant;
    private final Histogram corrected = newAccumulator();
    private final Histogram uncorrected = newAccumulator();
    private final Map<Long, Histogram> warmupBySecond = new TreeMap<>();
    private final Map<Long, Histogram> measureBySecond = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private int logsRead;
    private double measureStartSec = Double.NaN;

    public StepLatencies(String variant) {
        this.variant = variant;
    }

    /**
     * Adds one trial's interval log. A missing or damaged file is noted in {@link #problems()}, not thrown.
     *
     * @param label names the file in problem messages, e.g. {@code trial 2}
     */
    public StepLatencies addLog(Path hlog, String label) {
        HlogFile.Result result = HlogFile.read(hlog, this);
        if (result.intervals() > 0) {
            logsRead++;
        }
        if (result.problem() != null) {
            problems.add(variant + " " + label + ": " + result.problem() + " (" + hlog.getFileName() + ")");
        }
        return this;
    }

    @Override
    public void accept(String tag, double startSec, double lengthSec, Histogram histogram) {
        if (MEASURE_CORRECTED.equals(tag)) {
            corrected.add(histogram);
            measureStartSec = Double.isNaN(measureStartSec) ? startSec : Math.min(measureStartSec, startSec);
            bySecond(measureBySecond, startSec).add(histogram);
        } else if (MEASURE_UNCORRECTED.equals(tag)) {
            uncorrected.add(histogram);
        } else if (WARMUP_CORRECTED.equals(tag)) {
            bySecond(warmupBySecond, startSec).add(histogram);
        }
    }

    private static Histogram bySecond(Map<Long, Histogram> map, double startSec) {
        // Trials' sampling boundaries differ by milliseconds; rounding lines up the same second of each trial.
        return map.computeIfAbsent(Math.round(startSec), k -> newAccumulator());
    }

    private static Histogram newAccumulator() {
        Histogram h = new Histogram(Histograms.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    public String variant() {
        return variant;
    }

    /** Measured-period histogram of a view (corrected or uncorrected), merged over trials; values in ns. */
    public Histogram measured(LatencyView view) {
        return switch (view) {
            case CORRECTED -> corrected;
            case UNCORRECTED -> uncorrected;
            default -> throw new IllegalArgumentException("not kept: " + view);
        };
    }

    /** Corrected view of one phase per whole second since the step's start, merged over trials. */
    public Map<Long, Histogram> correctedBySecond(Phase phase) {
        return phase == Phase.WARMUP ? warmupBySecond : measureBySecond;
    }

    /** Start of the first measured interval, seconds since the step's start; NaN when none was read. */
    public double measureStartSec() {
        return measureStartSec;
    }

    /** Number of logs that gave at least one interval. */
    public int logsRead() {
        return logsRead;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
