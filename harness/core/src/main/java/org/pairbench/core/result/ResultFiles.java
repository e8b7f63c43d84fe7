package org.pairbench.core.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.pairbench.core.Printable;
import org.pairbench.core.spec.SpecException;

/**
 * Reads a results directory's JSON files for {@code report} and {@code compare}, refusing damaged or crafted ones
 * at the door with one {@code file:line: field: problem} line ({@link SpecException}), never a stack trace:
 * malformed JSON, a field of the wrong type, and, in summary.json, a name that becomes part of a path (a workload,
 * a variant, a step id, an interval log) but would lead out of the directory. Stateless; any thread.
 */
public final class ResultFiles {
    /** What a name used in a path may be: letters, digits, '.', '_', '-', not starting with '.'. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final Pattern NAME_FIELD = Pattern.compile(
            "/workloads/\\d+/workload|/workloads/\\d+/variants/\\d+/name|/workloads/\\d+/steps/\\d+/(variant|step)");
    private static final Pattern HLOG_FIELD = Pattern.compile("/workloads/\\d+/steps/\\d+/hlog");

    private ResultFiles() {
    }

    /** summary.json, its path-forming names checked. */
    public static RunSummary readSummary(Path file) throws IOException {
        checkNames(file);
        return read(file, RunSummary.class);
    }

    /** Any JSON file of a results directory, as {@code type}. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return ResultsJson.read(file, type);
        } catch (JsonProcessingException e) {
            throw located(file, e);
        }
    }

    /**
     * Refuses a summary.json whose path-forming names would lead out of its directory. Malformed JSON ends the
     * check quietly: reading the file says what is wrong with it.
     */
    public static void checkNames(Path file) throws IOException {
        try (JsonParser p = ResultsJson.mapper().getFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.VALUE_STRING) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                String value = p.getText();
                String problem = null;
                if (NAME_FIELD.matcher(pointer).matches() && !SAFE_NAME.matcher(value).matches()) {
                    problem = "'" + Printable.escape(value, 200) + "' cannot be part of a file name (letters, digits,"
                            + " '.', '_' and '-' only, not first '.'): it could lead out of the results directory";
                } else if (HLOG_FIELD.matcher(pointer).matches() && !staysInside(value)) {
                    problem = "'" + Printable.escape(value, 200) + "' leads out of the results directory";
                }
                if (problem != null) {
                    throw new SpecException(file, p.currentTokenLocation().getLineNr(), field(pointer), problem);
                }
            }
        } catch (JsonProcessingException malformed) {
            // reported by read()
        }
    }

    private static boolean staysInside(String relative) {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.startsWith("/")) {
            return false;
        }
        try {
            Path p = Path.of(relative).normalize();
            return !p.isAbsolute() && !p.startsWith("..") && !p.toString().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static SpecException located(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String field = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            field = b.toString();
        } else if (e.getProcessor() instanceof JsonParser p) {
            field = field(p.getParsingContext().pathAsPointer().toString());
        }
        String problem = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("not valid JSON");
        return new SpecException(file, at == null ? 0 : Math.max(0, at.getLineNr()), field,
                Printable.escape(problem, 200));
    }

    /** {@code /workloads/0/steps/3/hlog} as {@code workloads[0].steps[3].hlog}. */
    static String field(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                b.append('[').append(part).append(']');
            } else {
                b.append(b.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }

}
