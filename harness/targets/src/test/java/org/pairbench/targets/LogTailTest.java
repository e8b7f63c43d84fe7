package org.pairbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void lastLinesOfALongFileOldestFirst() throws IOException {
        // 5000 lines span many 8 KiB chunks
        Path log = write(IntStream.range(0, 5000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));
        assertThat(LogTail.lastLines(log, 0, 3)).containsExactly("line 4997", "line 4998", "line 4999");
    }

    @Test
    void fewerLinesThanAskedGivesThemAll() throws IOException {
        Path log = write("a\nb\n");
        assertThat(LogTail.lastLines(log, 0, 20)).containsExactly("a", "b");
    }

    @Test
    void lastLineWithoutNewlineAndCrLfAreHandled() throws IOException {
        Path log = write("a\r\nb\r\nboom");
        assertThat(LogTail.lastLines(log, 0, 2)).containsExactly("b", "boom");
    }

    @Test
    void linesBeforeTheOffsetBelongToAnEarlierStart() throws IOException {
        Path log = write("old 1\nold 2\n");
        long offset = Files.size(log);
        Files.writeString(log, "new 1\n", StandardOpenOption.APPEND);
        assertThat(LogTail.lastLines(log, offset, 20)).containsExactly("new 1");
    }

    @Test
    void missingOrEmptyFileAndZeroLinesGiveNothing() throws IOException {
        assertThat(LogTail.lastLines(dir.resolve("absent.log"), 0, 5)).isEmpty();
        assertThat(LogTail.lastLines(write(""), 0, 5)).isEmpty();
        assertThat(LogTail.lastLines(write("x\n"), 0, 0)).isEmpty();
    }

    @Test
    void nonAsciiSurvives() throws IOException {
        Path log = write("première\nÜnïcødé ✓\n");
        assertThat(LogTail.lastLines(log, 0, 1)).containsExactly("Ünïcødé ✓");
    }

    private Path write(String text) throws IOException {
        Path log = Files.createTempFile(dir, "t", ".log");
        Files.writeString(log, text, StandardCharsets.UTF_8);
        return log;
    }
}
