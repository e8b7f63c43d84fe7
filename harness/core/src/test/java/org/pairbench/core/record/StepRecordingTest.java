package org.pairbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRecordingTest {
    private static final long MS = 1_000_000;
    private static final long EPOCH_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void intervalsOfAllWorkersAreMergedTaggedAndReadableByStandardTools() throws Exception {
        WorkerRecorder a = new WorkerRecorder();
        WorkerRecorder b = new WorkerRecorder();
        Path hlog = dir.resolve("x/step.hlog");
        try (StepRecording rec = new StepRecording(hlog, List.of(a, b), EPOCH_MS, "w v trial 1 step s")) {
            // second 0: warm-up only; second 1: measured, both workers; second 2: measured, nothing answered
            a.recordCompletion(Phase.WARMUP, 0, 0, 5 * MS, Outcome.OK);
            rec.sample(EPOCH_MS, EPOCH_MS + 1000, false);
            a.recordCompletion(Phase.MEASURE, 0, MS, 3 * MS, Outcome.OK);
            b.recordCompletion(Phase.MEASURE, 0, MS, 7 * MS, Outcome.NON_2XX);
            b.recordGeneratorLag(Phase.MEASURE, 20_000);
            rec.sample(EPOCH_MS + 1000, EPOCH_MS + 2000, true);
            rec.sample(EPOCH_MS + 2000, EPOCH_MS + 3000, true);
            assertThat(rec.liveCorrected(Phase.MEASURE).getTotalCount()).isEqualTo(2);
            rec.finish();
            Histogram corrected = rec.total(Phase.MEASURE, LatencyView.CORRECTED);
            assertThat(corrected.getTotalCount()).isEqualTo(2);
            assertThat(corrected.getMaxValue()).isEqualTo(corrected.highestEquivalentValue(7 * MS));
            assertThat(rec.total(Phase.MEASURE, LatencyView.UNCORRECTED).getMinValue())
                    .isEqualTo(corrected.lowestEquivalentValue(2 * MS));
            assertThat(rec.count(Phase.MEASURE, Outcome.OK)).isEqualTo(1);
            assertThat(rec.count(Phase.MEASURE, Outcome.NON_2XX)).isEqualTo(1);
        }
        List<String> lines = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                lines.add(h.getTag() + "@" + (h.getStartTimeStamp() - EPOCH_MS) + "="
                        + ((Histogram) h).getTotalCount());
            }
        }
        assertThat(lines).containsExactly("warmup.corrected@0=1", "warmup.uncorrected@0=1",
                "measure.corrected@1000=2", "measure.uncorrected@1000=2", "measure.generator-lag@1000=1",
                "measure.corrected@2000=0", "measure.uncorrected@2000=0");
        assertThat(Files.readString(hlog)).startsWith("#w v trial 1 step s").contains("#[BaseTime:");
    }

    @Test
    void theFileIsWrittenWhenTheStepFinishesNotWhileItRunsAndNamedOnceWhole() throws Exception {
        WorkerRecorder a = new WorkerRecorder();
        Path hlog = dir.resolve("step.hlog");
        Path partial = dir.resolve("step.hlog.partial");
        try (StepRecording rec = new StepRecording(hlog, List.of(a), EPOCH_MS, "c")) {
            a.recordCompletion(Phase.MEASURE, 0, 0, MS, Outcome.OK);
            rec.sample(EPOCH_MS, EPOCH_MS + 1000, true);
            assertThat(Files.readString(partial)).doesNotContain("Tag=");
            rec.finish();
            assertThat(Files.readString(partial)).contains("Tag=measure.corrected");
            assertThat(hlog).doesNotExist();
        }
        assertThat(Files.readString(hlog)).contains("Tag=measure.corrected");
        assertThat(partial).doesNotExist();
    }
}
