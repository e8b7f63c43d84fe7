package org.pairbench.targets;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, read backwards from its end so that a service that logged megabytes does not
 * cost megabytes to show its last 20 lines: the last lines of a failed target (local runtime) or of
 * PostgreSQL's log. Bytes are decoded as UTF-8, a bad byte becoming U+FFFD. Stateless.
 */
public final class LogTail {
    private static final int CHUNK = 8192;
    // a service writing one endless line must not make the tail endless
    private static final long MAX_BYTES = 1 << 20;

    private LogTail() {
    }

    /**
     * The last {@code lines} lines after byte {@code fromOffset} (where this start's output begins when the file
     * is appended to), oldest first; empty when the file is missing.
     */
    public static List<String> lastLines(Path file, long fromOffset, int lines) {
        if (lines <= 0) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            long start = end;
            int newlines = 0;
            byte[] buf = new byte[CHUNK];
            // one more newline than lines wanted marks where the first wanted line begins
            while (start > fromOffset && newlines <= lines && end - start < MAX_BYTES) {
                int n = (int) Math.min(CHUNK, start - fromOffset);
                start -= n;
                raf.seek(start);
                raf.readFully(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        newlines++;
                    }
                }
            }
            byte[] tail = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(tail);
            return split(new String(tail, StandardCharsets.UTF_8), lines);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> split(String text, int lines) {
        List<String> all = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
            all.remove(all.size() - 1); // the text ended with a newline
        }
        all.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
