package org.pairbench.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.report.HlogFixture;

class HlogFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTagsAndSecondsSinceStepStart() throws Exception {
        Path log = dir.resolve("a.hlog");
        try (HlogFixture f = new HlogFixture(log)) {
            f.warmup(3, 1.0).measure(4, 2.0, 1.0);
        }
        List<String> seen = new ArrayList<>();

        HlogFile.Result result = HlogFile.read(log, (tag, start, length, h) ->
                seen.add(tag + "@" + start + "/" + length + "=" + h.getTotalCount()));

        assertThat(result.problem()).isNull();
        assertThat(seen).contains("warmup.corrected@0.0/1.0=3", "measure.corrected@1.0/1.0=4",
                "measure.uncorrected@1.0/1.0=4", "measure.send-lag@1.0/1.0=4");
        assertThat(result.intervals()).isEqualTo(seen.size());
    }

    @Test
    void aTruncatedLastLineKeepsTheIntervalsBeforeIt() throws Exception {
        Path log = dir.resolve("t.hlog");
        try (HlogFixture f = new HlogFixture(log)) {
            f.measure(10, 1.0, 1.0).measure(10, 1.0, 1.0);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.writeString(log, text.substring(0, text.length() - 40), StandardCharsets.UTF_8);
        List<String> tags = new ArrayList<>();

        HlogFile.Result result = HlogFile.read(log, (tag, start, length, h) -> tags.add(tag));

        assertThat(tags).isNotEmpty().hasSizeLessThan(6);
        assertThat(result.problem()).contains("damaged");
    }

    @Test
    void aMissingFileIsAProblem() {
        assertThat(HlogFile.read(dir.resolve("none.hlog"), (tag, start, length, h) -> { }).problem())
                .isEqualTo("missing file");
    }
}
