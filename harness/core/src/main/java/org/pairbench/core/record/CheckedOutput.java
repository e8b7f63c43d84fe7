package org.pairbench.core.record;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that remembers the first write error, for writers that can only write to a
 * {@link java.io.PrintStream} (HdrHistogram's {@code HistogramLogWriter}): a PrintStream swallows errors, so a full
 * disk would silently cut the file short. The owner calls {@link #check()} after flushing and fails with the
 * real cause ("No space left on device"). Not thread-safe: one writer.
 */
final class CheckedOutput extends FilterOutputStream {
    private IOException first;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw keep(e);
        }
    }

    private IOException keep(IOException e) {
        if (first == null) {
            first = e;
        }
        return e;
    }

    /** Throws the first error any write, flush or close met. */
    void check() throws IOException {
        if (first != null) {
            throw first;
        }
    }
}
