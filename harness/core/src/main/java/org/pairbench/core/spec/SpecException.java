package org.pairbench.core.spec;

import java.nio.file.Path;
import org.pairbench.core.Printable;

/**
 * A workload or suite file that cannot be used, located precisely: the file, the 1-based line and the dotted
 * path of the field at fault ({@code variants.aiohttp.python}). {@link #getMessage()} is the one line a user sees,
 * in the {@code file:line: field: problem} shape compilers use, so editors can jump to it.
 */
public final class SpecException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;
    private final String problem;

    /** Control characters in {@code field} and {@code problem} (quoted from the file) are escaped: one line, always. */
    public SpecException(Path file, int line, String field, String problem) {
        this(file, line, field == null ? null : Printable.escape(field, 500), Printable.escape(problem, 2000), true);
    }

    private SpecException(Path file, int line, String field, String problem, boolean escaped) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(Path file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the offending field, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** Dotted path of the field, empty when the problem concerns the whole file. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
