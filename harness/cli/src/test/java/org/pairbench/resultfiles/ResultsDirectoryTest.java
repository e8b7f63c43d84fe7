package org.pairbench.resultfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out}: a new or empty directory is claimed by exactly one run; one with files is refused. */
class ResultsDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aNewOrEmptyDirectoryIsTakenAndOneWithFilesOrAFileIsRefused() throws Exception {
        assertThat(ResultsDirectory.create(dir.resolve("a/b/new")).summaryJson()).exists();
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(ResultsDirectory.create(empty).dir()).isEqualTo(empty);
        assertThatThrownBy(() -> ResultsDirectory.create(empty)).hasMessageContaining("is not empty");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> ResultsDirectory.create(file)).hasMessageContaining("is a file");
    }

    @Test
    void twoRunsStartedAtOnceWithTheSameOutNeverBothGetIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 200; i++) {
                Path out = i % 2 == 0 ? dir.resolve("race" + i) : Files.createDirectory(dir.resolve("race" + i));
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Boolean> claim = () -> {
                    start.await();
                    try {
                        ResultsDirectory.create(out);
                        return true;
                    } catch (IOException refused) {
                        assertThat(refused).hasMessageContaining("is not empty");
                        return false;
                    }
                };
                Future<Boolean> a = pool.submit(claim);
                Future<Boolean> b = pool.submit(claim);
                assertThat(a.get() ^ b.get()).as("exactly one of two claims of " + out).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
