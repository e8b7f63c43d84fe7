package org.pairbench.core.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes the JSON files of a results directory. Writes go to a temporary file renamed over the target,
 * so a reader (or a run killed mid-write) never sees half a file. Readers ignore unknown fields, so newer runs
 * stay readable by older reports within a schema version. Thread-safe.
 */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), value);
            moveInPlace(tmp, file);
        } catch (IOException e) {
            Files.deleteIfExists(tmp); // a full disk leaves the last whole version, and no stray temporary file
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renames a whole temporary file over {@code file}, atomically where the file system can. */
    public static void moveInPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
