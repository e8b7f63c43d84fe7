package org.pairbench.core.record;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The recording of one step of one variant: takes the interval histograms of all workers once a second, writes
 * them to the step's {@code .hlog} file, and keeps per-phase totals for the summary.
 *
 * <h2>The .hlog file</h2>
 * A standard HdrHistogram interval log (format version 1.3, as written by {@link HistogramLogWriter}), readable
 * by {@code HistogramLogReader} and {@code HistogramLogProcessor}. It starts with a comment naming the workload,
 * variant, trial and step, then {@code #[StartTime: ...]} and {@code #[BaseTime: ...]} (epoch seconds of the
 * step's start) and the CSV legend. Each line after that is one interval (1 second by default) of one tag;
 * interval start times are seconds since the base time. Tags are {@code <phase>.<view>}, phase being
 * {@code warmup} or {@code measure} and view one of {@code corrected}, {@code uncorrected}, {@code send-lag},
 * {@code generator-lag} (see {@link LatencyView}). Values are nanoseconds; the {@code Interval_Max} column is in
 * milliseconds (the writer's default unit ratio of 1e6), as standard tools expect.
 *
 * <p>Which phase a request belongs to is decided by its intended send time, so a warm-up request answered after
 * the measurement began is still tagged {@code warmup}. {@code measure.corrected} and {@code measure.uncorrected}
 * intervals are written for every interval of the measured period even when empty, so that a stall shows up as
 * empty intervals rather than missing ones.
 *
 * <p>Why the file is written when the step ends: compressing interval histograms takes about a millisecond of
 * CPU per second, on the core the generator uses. Each second, {@link #sample} only swaps the workers' interval
 * histograms and packs them uncompressed (tens of microseconds); {@link #finish} merges, compresses and writes
 * them once the load has stopped. The file is written as {@code <step>.hlog.partial} and renamed
 * to {@code <step>.hlog} once whole, and every write is checked (a full disk fails the step with the file's name,
 * never a silently short log). A run stopped with Ctrl-C still finishes its step's file; a killed one loses
 * only the step in progress.
 *
 * <p>Threading: {@link #sample}, {@link #finish} and {@link #close} are called from one sampling thread; workers
 * only touch their own {@link WorkerRecorder}.
 */
public final class StepRecording implements Closeable {
    private final List<WorkerRecorder> workers;
    private final Path file;
    private final Path partial;
    private final CheckedOutput checked;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final List<Interval> intervals = new ArrayList<>();
    private final Map<Phase, Map<LatencyView, Histogram>> totals = new EnumMap<>(Phase.class);
    private final Map<Phase, Histogram> liveCorrected = new EnumMap<>(Phase.class);
    private final ByteBuffer packBuffer;
    private boolean finished;

    /** One tag's values over one interval: each worker's histogram, packed without compression. */
    private record Interval(String tag, Phase phase, LatencyView view, long fromEpochMs, long toEpochMs,
                            List<byte[]> packed) {
    }

    /**
     * @param hlogFile     where the interval log goes (parent directories are created)
     * @param workers      the recorders of every worker of this step
     * @param startEpochMs wall-clock time of the step's start, the log's base time
     * @param comment      one line identifying the step, written as a comment
     */
    public StepRecording(Path hlogFile, List<WorkerRecorder> workers, long startEpochMs, String comment)
            throws IOException {
        this.workers = List.copyOf(workers);
        Files.createDirectories(hlogFile.toAbsolutePath().getParent());
        this.file = hlogFile;
        this.partial = hlogFile.resolveSibling(hlogFile.getFileName() + ".partial");
        this.checked = new CheckedOutput(Files.newOutputStream(partial));
        this.out = new PrintStream(checked, false, StandardCharsets.UTF_8);
        this.writer = new HistogramLogWriter(out);
        writer.outputComment(comment.replace('\n', ' '));
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMs);
        writer.setBaseTime(startEpochMs);
        writer.outputBaseTime(startEpochMs);
        writer.outputLegend();
        out.flush();
        try {
            check();
        } catch (IOException e) {
            out.close();
            Files.deleteIfExists(partial);
            throw e;
        }
        for (Phase phase : Phase.values()) {
            Map<LatencyView, Histogram> byView = new EnumMap<>(LatencyView.class);
            for (LatencyView view : LatencyView.values()) {
                byView.put(view, Histograms.newHistogram());
            }
            totals.put(phase, byView);
            liveCorrected.put(phase, Histograms.newHistogram());
        }
        this.packBuffer = ByteBuffer.allocate(Histograms.newHistogram().getNeededByteBufferCapacity());
    }

    /**
     * Takes one interval from every worker and keeps it, packed, for {@link #finish}.
     *
     * @param fromEpochMs   interval start, wall clock
     * @param toEpochMs     interval end, wall clock
     * @param inMeasurement whether this interval lies in the measured period (then empty measure intervals of the
     *                      latency views are kept too)
     */
    public void sample(long fromEpochMs, long toEpochMs, boolean inMeasurement) {
        for (Phase phase : Phase.values()) {
            for (LatencyView view : LatencyView.values()) {
                List<byte[]> packed = new ArrayList<>(workers.size());
                long count = 0;
                for (WorkerRecorder w : workers) {
                    Histogram h = w.intervalHistogram(phase, view);
                    count += h.getTotalCount();
                    if (view == LatencyView.CORRECTED) {
                        liveCorrected.get(phase).add(h);
                    }
                    packed.add(pack(h));
                }
                boolean alwaysWrite = inMeasurement && phase == Phase.MEASURE
                        && (view == LatencyView.CORRECTED || view == LatencyView.UNCORRECTED);
                if (count > 0 || alwaysWrite) {
                    intervals.add(new Interval(view.tag(phase), phase, view, fromEpochMs, toEpochMs, packed));
                }
            }
        }
    }

    private byte[] pack(Histogram h) {
        packBuffer.clear();
        int length = h.encodeIntoByteBuffer(packBuffer);
        return Arrays.copyOf(packBuffer.array(), length);
    }

    /** Corrected values of a phase sampled so far; cheap enough for a progress line while the step runs. */
    public Histogram liveCorrected(Phase phase) {
        return liveCorrected.get(phase);
    }

    /**
     * Merges, compresses and writes every interval taken, and adds them to the totals. Idempotent.
     *
     * @throws IOException when the file could not be written whole (full disk, I/O error): the message names it
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        Histogram merged = Histograms.newHistogram();
        for (Interval interval : intervals) {
            merged.reset();
            for (byte[] packed : interval.packed()) {
                merged.add(Histogram.decodeFromByteBuffer(ByteBuffer.wrap(packed), 0));
            }
            totals.get(interval.phase()).get(interval.view()).add(merged);
            merged.setStartTimeStamp(interval.fromEpochMs());
            merged.setEndTimeStamp(interval.toEpochMs());
            merged.setTag(interval.tag());
            writer.outputIntervalHistogram(merged);
        }
        intervals.clear();
        out.flush();
        check();
    }

    /** All values of one phase and view; complete once {@link #finish} has run. */
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

    /** Sum over workers of one count against the measured window. */
    public long windowCount(WorkerRecorder.WindowCount kind) {
        long sum = 0;
        for (WorkerRecorder w : workers) {
            sum += w.windowCount(kind);
        }
        return sum;
    }

    /** Sum over workers of the time spent polling for a send time not yet come, so far. */
    public long pollNs() {
        long sum = 0;
        for (WorkerRecorder w : workers) {
            sum += w.pollNs();
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

    /**
     * Finishes the file if that was not done, closes it and gives it its name; a file that could not be written
     * whole is deleted instead, so that no short {@code .hlog} is ever left looking complete.
     */
    @Override
    public void close() throws IOException {
        try {
            finish();
            writer.close();
            out.close();
            check();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private void check() throws IOException {
        try {
            checked.check();
        } catch (IOException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
