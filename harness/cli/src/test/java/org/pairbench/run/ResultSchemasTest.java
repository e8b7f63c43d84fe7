package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schemas are strict enough to catch drift: a file that breaks them is reported. */
class ResultSchemasTest {
    @TempDir
    Path dir;

    @Test
    void anUndocumentedFieldOrAWrongTypeIsAViolation() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, """
                {"schema": "pairbench.summary/1", "runId": "r", "status": "complete",
                 "startedAt": "2026-01-01T00:00:00Z", "suite": "s", "runtime": "local", "workloads": [],
                 "surprise": 1}""");
        assertThat(ResultSchemas.violations("summary.schema.json", f)).anyMatch(v -> v.contains("surprise"));
        Files.writeString(f, """
                {"schema": "pairbench.summary/1", "runId": "r", "status": "done",
                 "startedAt": "2026-01-01T00:00:00Z", "suite": "s", "runtime": "local", "workloads": []}""");
        assertThat(ResultSchemas.violations("summary.schema.json", f)).isNotEmpty();
    }

    @Test
    void aMinimalValidFileConforms() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, """
                {"schema": "pairbench.summary/1", "runId": "r", "status": "running",
                 "startedAt": "2026-01-01T00:00:00Z", "finishedAt": null, "suite": "s", "runtime": "local",
                 "workloads": []}""");
        assertThat(ResultSchemas.violations("summary.schema.json", f)).isEmpty();
    }
}
