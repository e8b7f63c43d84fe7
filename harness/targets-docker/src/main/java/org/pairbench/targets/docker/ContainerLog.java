package org.pairbench.targets.docker;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.containers.output.OutputFrame;

/**
 * Where a container's stdout and stderr go: appended to the variant's log file (kept with the results, as for
 * the local runtime) and the last {@value #KEPT_LINES} lines kept in memory, so that {@link #tail} needs no file
 * reading and shows this start's lines only. Testcontainers follows the container's output from its start and
 * hands it over line by line; {@link OutputFrame#END} comes once the container has stopped.
 *
 * <p>Threading: {@link #accept} runs on Testcontainers' log thread while the runner reads {@link #tail}; both
 * synchronize on this object. {@link #awaitEnd} may be called from any thread.
 */
final class ContainerLog implements Consumer<OutputFrame>, AutoCloseable {
    static final int KEPT_LINES = 200;

    private final OutputStream file;
    private final Deque<String> lines = new ArrayDeque<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private boolean closed; // guarded by this

    ContainerLog(Path logFile) throws IOException {
        Path parent = logFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = new FileOutputStream(logFile.toFile(), true);
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            ended.countDown();
            return;
        }
        byte[] bytes = frame.getBytes();
        if (bytes == null) {
            return;
        }
        if (!closed) {
            try {
                file.write(bytes);
            } catch (IOException e) {
                // a full disk must not stop the service; the in-memory tail still works
            }
        }
        lines.addLast(frame.getUtf8StringWithoutLineEnding());
        if (lines.size() > KEPT_LINES) {
            lines.removeFirst();
        }
    }

    /** The last {@code n} lines, oldest first. */
    synchronized List<String> tail(int n) {
        List<String> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }

    /** True once the output stream has ended, which it does when the container stops (or the stream breaks). */
    boolean ended() {
        return ended.getCount() == 0;
    }

    /** Waits (briefly) until the container's output has been read to its end: its last lines are then here. */
    void awaitEnd(long millis) {
        try {
            ended.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing left to save
            }
        }
    }
}
