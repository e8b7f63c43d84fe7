package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;

/**
 * A step with every addition at once, against a standard-library stand-in service: it calls the in-harness
 * upstream three times per request, a probe stream runs alongside the load, and idle connections are held
 * through the step. Checks the counts each addition reports.
 */
class StepFeaturesIT {
    @TempDir
    Path dir;

    @Test
    void upstreamProbeAndIdleConnectionsAreCountedExactly() throws Exception {
        RunFixtures run = new RunFixtures().run(dir.resolve("r"), "smoke", List.of(RunFixtures.fixture("fanout-stub")),
                false);
        assertThat(run.summary.status()).as(run.printed()).isEqualTo(RunSummary.COMPLETE);
        var w = run.summary.workloads().get(0);
        assertThat(w.parity().status()).isEqualTo(ParityResult.SKIPPED); // a single variant: nothing to compare
        StepResult s = w.steps().get(0);
        assertThat(s.step()).isEqualTo("fanout-open-40rps-idle50-probed");
        assertThat(s.counts().ok()).isEqualTo(s.counts().requests()).isEqualTo(40);

        // the upstream saw three calls for every request of the step, warm-up (0.3 s at 40/s) included
        long warmupRequests = 12;
        assertThat(s.upstream()).isNotNull();
        assertThat(s.upstream().requests()).isEqualTo(3 * (s.counts().requests() + warmupRequests));
        assertThat(s.upstream().connections()).isEqualTo(s.upstream().requests()); // urllib opens one per call

        assertThat(s.probe()).isNotNull();
        assertThat(s.probe().request()).isEqualTo("heartbeat");
        assertThat(s.probe().counts().ok()).isEqualTo(20);
        assertThat(s.probe().corrected().count()).isEqualTo(20);
        assertThat(new ResultLayout(dir.resolve("r")).resolve(s.probe().hlog())).exists();

        assertThat(s.idle()).isEqualTo(new StepResult.IdleConnections(50, 50, 50, 50));
        assertThat(ResultSchemas.violations("summary.schema.json", new ResultLayout(dir.resolve("r")).summaryJson()))
                .isEmpty();
    }
}
