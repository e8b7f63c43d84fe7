package org.pairbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.spec.SpecException;

/** Damaged and crafted summary.json files are refused with {@code file:line: field: problem}, good ones load. */
class ResultFilesTest {
    @TempDir
    Path dir;

    private static final String SUMMARY = """
            {
              "schema": "pairbench.summary/1",
              "runId": "r",
              "status": "complete",
              "workloads": [ {
                "workload": "http-hello",
                "variants": [ { "name": "aiohttp" } ],
                "steps": [ { "variant": "aiohttp", "trial": 1, "step": "hello-open-300rps",
                             "hlog": "hlog/http-hello/aiohttp/t1/hello-open-300rps.hlog" } ]
              } ]
            }
            """;

    private SpecException refused(String text) throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, text);
        SpecException e = catchThrowableOfType(SpecException.class, () -> ResultFiles.readSummary(f));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).startsWith(f + ":");
        return e;
    }

    @Test
    void aValidSummaryLoads() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, SUMMARY);
        assertThat(ResultFiles.readSummary(f).workloads().get(0).steps()).hasSize(1);
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRefusedWithTheirLine() throws Exception {
        SpecException workload = refused(SUMMARY.replace("\"workload\": \"http-hello\"",
                "\"workload\": \"../../outside\""));
        assertThat(workload.line()).isEqualTo(6);
        assertThat(workload.field()).isEqualTo("workloads[0].workload");
        assertThat(workload.problem()).contains("../../outside").contains("lead out of the results directory");
        assertThat(refused(SUMMARY.replace("\"step\": \"hello-open-300rps\"", "\"step\": \"a/b\"")).field())
                .isEqualTo("workloads[0].steps[0].step");
        assertThat(refused(SUMMARY.replace("\"variant\": \"aiohttp\"", "\"variant\": \"..\"")).field())
                .isEqualTo("workloads[0].steps[0].variant");
        assertThat(refused(SUMMARY.replace("\"name\": \"aiohttp\"", "\"name\": \"/etc\"")).line()).isEqualTo(7);
        assertThat(refused(SUMMARY.replace("\"hlog/http-hello", "\"../../hlog/http-hello")).field())
                .isEqualTo("workloads[0].steps[0].hlog");
        assertThat(refused(SUMMARY.replace("\"hlog/http-hello", "\"/hlog/http-hello")).field())
                .isEqualTo("workloads[0].steps[0].hlog");
    }

    @Test
    void malformedJsonAndWrongTypesAreLocated() throws Exception {
        SpecException cut = refused(SUMMARY.substring(0, SUMMARY.indexOf("\"steps\"")));
        assertThat(cut.line()).isPositive();
        SpecException type = refused(SUMMARY.replace("\"trial\": 1", "\"trial\": \"one\""));
        assertThat(type.line()).isEqualTo(8);
        assertThat(type.field()).isEqualTo("workloads[0].steps[0].trial");
        assertThat(refused("[1, 2]").line()).isEqualTo(1);
    }
}
