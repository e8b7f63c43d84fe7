package org.pairbench.report.data;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Streams the intervals of one step's {@code .hlog} file (written by {@code StepRecording}, read with the standard
 * {@link HistogramLogReader}) to an {@link IntervalSink}, so a whole file never has to be held decoded in memory.
 *
 * <p>A missing file, an interrupted run's half-written last line or a damaged line are not errors here: what could
 * be read is delivered and {@link Result#problem()} says what could not. Stateless.
 */
public final class HlogFile {
    private HlogFile() {
    }

    /**
     * What reading one file gave.
     *
     * @param intervals intervals delivered to the sink
     * @param problem   what went wrong (missing file, damaged lines), or null when the file read cleanly
     */
    public record Result(int intervals, String problem) {
    }

    public static Result read(Path file, IntervalSink sink) {
        if (!Files.isRegularFile(file)) {
            return new Result(0, "missing file");
        }
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            return new Result(0, "unreadable file: " + e.getMessage());
        }
        int delivered = 0;
        int damaged = 0;
        try (reader) {
            while (reader.hasNext()) {
                EncodableHistogram next;
                try {
                    next = reader.nextIntervalHistogram();
                } catch (RuntimeException e) {
                    // A truncated or corrupt line; the reader has moved past it, so go on with the next one.
                    damaged++;
                    continue;
                }
                if (next == null) {
                    continue;
                }
                if (!(next instanceof Histogram h) || next.getTag() == null) {
                    damaged++;
                    continue;
                }
                double startSec = h.getStartTimeStamp() / 1000.0 - reader.getStartTimeSec();
                double lengthSec = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
                sink.accept(h.getTag(), startSec, lengthSec, h);
                delivered++;
            }
        }
        String problem = damaged == 0 ? null : damaged + " damaged or unreadable line(s) skipped";
        if (delivered == 0 && problem == null) {
            problem = "no intervals in file";
        }
        return new Result(delivered, problem);
    }
}
