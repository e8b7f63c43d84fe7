package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;

/**
 * A target that dies mid-run fails only its variant, with its exit code and last log lines, while the rest of
 * the suite goes on and the steps measured before the failure are kept; variants that answer differently are
 * not measured at all. Uses a standard-library stub service, so it needs only python3.
 */
class FailureHandlingIT {
    @TempDir
    Path dir;

    @Test
    void aTargetThatDiesMidRunFailsThatVariantOnly() throws Exception {
        RunFixtures run = new RunFixtures().run(dir.resolve("r"), "smoke", List.of(RunFixtures.fixture("crashing")),
                true);
        assertThat(run.summary.status()).isEqualTo(RunSummary.COMPLETED_WITH_FAILURES);
        WorkloadResult w = run.summary.workloads().get(0);
        assertThat(w.parity().status()).isEqualTo(ParityResult.PASSED);

        List<StepResult> steady = w.steps().stream().filter(s -> s.variant().equals("steady")).toList();
        assertThat(steady).hasSize(3).allMatch(s -> s.status().equals(StepResult.OK));
        assertThat(steady).allMatch(s -> s.counts().ok() == s.counts().requests() && s.counts().ok() > 0);

        assertThat(w.failures()).as(run.printed()).anyMatch(f -> f.variant().equals("dies"));
        VariantFailure failure = w.failures().stream().filter(f -> f.variant().equals("dies")).findFirst()
                .orElseThrow();
        assertThat(failure.exitCode()).isEqualTo(7);
        assertThat(failure.trial()).isEqualTo(1);
        assertThat(failure.logTail()).contains("stub: exiting on purpose with code 7 at request 175");
        assertThat(failure.reason()).contains("exited with code 7");
        List<StepResult> dies = w.steps().stream().filter(s -> s.variant().equals("dies")).toList();
        // it dies at its 175th request: the first step (100 requests) is kept as measured, the second, in which
        // it died, is kept as failed, the third never ran
        assertThat(dies).extracting(StepResult::step).containsExactly("hello-open-100rps", "hello-open-150rps");
        assertThat(dies.get(0).status()).isEqualTo(StepResult.OK);
        assertThat(dies.get(0).counts().ok()).isEqualTo(dies.get(0).counts().requests());
        assertThat(dies.get(1).status()).isNotEqualTo(StepResult.OK);
        assertThat(failure.step()).isEqualTo("hello-open-150rps");
        assertThat(run.printed()).contains("FAILED crashing/dies trial 1").contains("| stub: exiting on purpose");

        ResultLayout layout = new ResultLayout(dir.resolve("r"));
        RunSummary onDisk = ResultsJson.read(layout.summaryJson(), RunSummary.class);
        assertThat(onDisk).isEqualTo(run.summary);
        assertThat(ResultSchemas.violations("summary.schema.json", layout.summaryJson())).isEmpty();
        assertThat(layout.indexHtml()).exists();
        assertThat(Files.readString(layout.indexHtml())).contains("exited with code 7");
    }

    @Test
    void variantsThatDoNotDoTheSameWorkAreNotMeasured() throws Exception {
        RunFixtures run = new RunFixtures().run(dir.resolve("m"), "smoke",
                List.of(RunFixtures.fixture("mismatched")), false);
        WorkloadResult w = run.summary.workloads().get(0);
        assertThat(w.parity().status()).isEqualTo(ParityResult.FAILED);
        assertThat(w.parity().error()).contains("request 'hello': right answered body 5 bytes \"hullo\" vs 5 bytes "
                + "\"hello\" of left");
        assertThat(w.steps()).isEmpty();
        assertThat(run.summary.status()).isEqualTo(RunSummary.COMPLETED_WITH_FAILURES);
        assertThat(run.printed()).contains("NOT MEASURED mismatched");
        assertThat(dir.resolve("m/hlog")).doesNotExist();
    }

    @Test
    void aVariantWhoseProcessContradictsItsWorkloadFileIsRefusedWithWhatDiffers() throws Exception {
        RunFixtures run = new RunFixtures().run(dir.resolve("c"), "smoke",
                List.of(RunFixtures.fixture("contradicting")), false);
        WorkloadResult w = run.summary.workloads().get(0);
        VariantFailure refused = w.failures().stream().filter(f -> f.variant().equals("says-4096")).findFirst()
                .orElseThrow();
        assertThat(refused.trial()).isZero();
        assertThat(refused.reason()).contains("refused", "contradicting.yaml",
                "backlog: the workload file says 4096, the process runs with 128");
        assertThat(w.steps()).extracting(StepResult::variant).containsOnly("honest").isNotEmpty();
        // what each process runs with is recorded, read from the process: the honest one too
        VariantInfo honest = w.variants().stream().filter(v -> v.name().equals("honest")).findFirst().orElseThrow();
        assertThat(honest.effective()).containsEntry("backlog", "128").containsEntry("loop", "asyncio")
                .containsEntry("keepalive-timeout", "75").containsKey("packages");
        ResultLayout layout = new ResultLayout(dir.resolve("c"));
        RunMetadata meta = ResultsJson.read(layout.runJson(), RunMetadata.class);
        assertThat(meta.workloads().get(0).at("/variants/honest/effective/event-loop").asText())
                .isEqualTo("asyncio.unix_events._UnixSelectorEventLoop");
        assertThat(ResultSchemas.violations("run.schema.json", layout.runJson())).isEmpty();
        assertThat(ResultSchemas.violations("summary.schema.json", layout.summaryJson())).isEmpty();
        assertThat(run.printed()).contains("FAILED contradicting/says-4096: refused");
    }
}
