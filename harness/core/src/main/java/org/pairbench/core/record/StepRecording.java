package org.pairbench.core.record;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The recording of one step of one variant: gathers the interval histograms of all workers, writes them to the
 * step's {@code .hlog} file, and keeps per-phase totals for the summary.
 *
 * <h2>The .hlog file</h2>
 * A standard HdrHistogram interval log (format version 1.3, as written by {@link HistogramLogWriter}), readable
 * by {@code HistogramLogReader} and {@code HistogramLogProcessor}. It starts with {@code #[StartTime: ...]} and
 * {@code #[BaseTime: ...]} comment lines (epoch seconds of the step's start), a comment naming the workload,
 * variant, trial and step, and the CSV legend. Each line after that is one interval (1 second by default) of one
 * tag; interval start times are seconds since the base time. Tags are {@code <phase>.<view>}, phase being
 * {@code warmup} or {@code measure} and view one of {@code corrected}, {@code uncorrected}, {@code send-lag},
 * {@code generator-lag} (see {@link LatencyView}). Values are nanoseconds; the {@code Interval_Max} column is in
 * milliseconds (the writer's default unit ratio of 1e6), as standard tools expect.
 *
 * <p>Which phase a request belongs to is decided by its intended send time, so a warm-up request answered after
 * the measurement began is still tagged {@code warmup}. {@code measure.*} intervals are written for every interval
 * of the measured period even when empty, so that a stall shows up as empty intervals rather than missing ones.
 *
 * <p>Threading: {@link #sample} and {@link #close} are called from one sampling thread; workers only touch their
 * own {@link WorkerRecorder}.
 */
public final class StepRecording implements Closeable {
    private final List<WorkerRecorder> workers;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Map<Phase, Map<LatencyView, Histogram>> totals = new EnumMap<>(Phase.class);
    private final Histogram scratch = Histograms.newHistogram();

    /**
     * @param hlogFile   where the interval log goes (parent directories are created)
     * @param workers    the recorders of every worker of this step
     * @param startEpochMs wall-clock time of the step's start, the log's base time
     * @param comment    one line identifying the step, written as a comment
     */
    public StepRecording(Path hlogFile, List<WorkerRecorder> workers, long startEpochMs, String comment)
            throws IOException {
        this.workers = List.copyOf(workers);
        Files.createDirectories(hlogFile.toAbsolutePath().getParent());
        OutputStream file = Files.newOutputStream(hlogFile);
        this.out = new PrintStream(file, false, StandardCharsets.UTF_8);
        this.writer = new HistogramLogWriter(out);
        writer.outputComment(comment.replace('\n', ' '));
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMs);
        writer.setBaseTime(startEpochMs);
        writer.outputBaseTime(startEpochMs);
        writer.outputLegend();
        for (Phase phase : Phase.values()) {
            Map<LatencyView, Histogram> byView = new EnumMap<>(LatencyView.class);
            for (LatencyView view : LatencyView.values()) {
                byView.put(view, Histograms.newHistogram());
            }
            totals.put(phase, byView);
        }
    }

    /**
     * Takes one interval from every worker, writes it, and adds it to the totals.
     *
     * @param fromEpochMs   interval start, wall clock
     * @param toEpochMs     interval end, wall clock
     * @param inMeasurement whether this interval lies in the measured period (then empty measure intervals of the
     *                      latency views are written too)
     */
    public void sample(long fromEpochMs, long toEpochMs, boolean inMeasurement) {
        for (Phase phase : Phase.values()) {
            for (LatencyView view : LatencyView.values()) {
                scratch.reset();
                for (WorkerRecorder w : workers) {
                    scratch.add(w.intervalHistogram(phase, view));
                }
                boolean alwaysWrite = inMeasurement && phase == Phase.MEASURE
                        && (view == LatencyView.CORRECTED || view == LatencyView.UNCORRECTED);
                if (scratch.getTotalCount() == 0 && !alwaysWrite) {
                    continue;
                }
                totals.get(phase).get(view).add(scratch);
                scratch.setStartTimeStamp(fromEpochMs);
                scratch.setEndTimeStamp(toEpochMs);
                scratch.setTag(view.tag(phase));
                writer.outputIntervalHistogram(scratch);
            }
        }
        out.flush();
    }

    /** All values of one phase and view recorded so far (over the intervals sampled). */
    public Histogram total(Phase phase, LatencyView view) {
        return totals.get(phase).get(view);
    }

    /** Sum over workers of a phase's count of one outcome. */
    public long count(Phase phase, Outcome outcome) {
        long sum = 0;
        for (WorkerRecorder w : workers) {
            sum += w.count(phase, outcome);
        }
        return sum;
    }

    public long connectErrors() {
        long sum = 0;
        for (WorkerRecorder w : workers) {
            sum += w.countConnectErrors();
        }
        return sum;
    }

    @Override
    public void close() {
        writer.close();
        out.close();
    }
}
