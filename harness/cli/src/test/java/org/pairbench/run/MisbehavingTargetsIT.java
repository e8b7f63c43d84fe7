package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.netty.http.HttpProbe;

/**
 * Targets that misbehave, each a variant of one workload ({@code fixtures/misbehaving.yaml}, stubs in
 * {@code misbehaving_stub.py}) run beside a healthy variant and followed by a second workload: one that hangs after
 * accepting, one that never listens, one that answers garbage, one that sends a 100 MiB body, one that ignores
 * SIGTERM, and one whose port a foreign process holds. Each misbehaving variant ends failed with a one-line reason
 * naming its case (the SIGTERM one is measured, and its forced stop is said), the healthy variant and the next
 * workload are measured, and no process the run started is left, checked by the pids of the run's own record.
 * Every fault is an event in the stub (a connection accepted, a request read), never a timer; the one-time run
 * takes about the parity timeout (10 s) plus the readiness timeout (30 s) plus the SIGTERM grace (5 s) per stop.
 */
class MisbehavingTargetsIT {
    @TempDir
    static java.nio.file.Path dir;
    static RunFixtures run;
    static WorkloadResult misbehaving;

    @BeforeAll
    static void runTheMisbehavingWorkloadThenAHealthyOne() throws Exception {
        run = new RunFixtures().run(dir.resolve("r"), "smoke",
                List.of(RunFixtures.fixture("misbehaving"), RunFixtures.fixture("brief")), false);
        misbehaving = run.summary.workloads().get(0);
    }

    private static VariantFailure failureOf(String variant) {
        return misbehaving.failures().stream().filter(f -> f.variant().equals(variant)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure of " + variant + "\n" + run.printed()));
    }

    @Test
    void theHealthyVariantAndTheNextWorkloadAreMeasured() {
        assertThat(run.summary.status()).isEqualTo(RunSummary.COMPLETED_WITH_FAILURES);
        assertThat(misbehaving.parity().status()).as(run.printed()).isEqualTo(ParityResult.PASSED);
        for (String measured : List.of("healthy", "noterm")) {
            List<StepResult> steps = misbehaving.steps().stream().filter(s -> s.variant().equals(measured)).toList();
            assertThat(steps).as(measured + "\n" + run.printed()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepResult.OK))
                    .allSatisfy(s -> assertThat(s.counts().ok()).isEqualTo(s.counts().requests()).isPositive());
        }
        assertThat(misbehaving.steps()).extracting(StepResult::variant).containsOnly("healthy", "noterm");
        WorkloadResult next = run.summary.workloads().get(1);
        assertThat(next.failures()).isEmpty();
        assertThat(next.steps()).isNotEmpty().allSatisfy(s -> assertThat(s.counts().ok()).isPositive());
    }

    @Test
    void everyMisbehavingVariantFailsWithOneLineNamingItsCase() {
        assertThat(misbehaving.failures()).extracting(VariantFailure::variant)
                .containsExactlyInAnyOrder("hang", "silent", "garbage", "huge", "foreign");
        assertThat(misbehaving.failures()).allSatisfy(f -> {
            assertThat(f.trial()).isZero(); // at the parity check: never measured
            assertThat(f.reason()).doesNotContain("\n");
            assertThat(run.printed()).contains("FAILED misbehaving/" + f.variant() + ": ");
        });
    }

    @Test
    void aTargetThatHangsAfterAcceptingTimesOutAtTheParityCheck() {
        assertThat(failureOf("hang").reason()).isEqualTo("parity check failed: no answer within 10s to GET /");
    }

    @Test
    void aTargetThatNeverListensFailsItsReadiness() {
        assertThat(failureOf("silent").reason()).startsWith("did not start for the parity check: misbehaving/silent "
                + "did not accept connections on 127.0.0.1:").endsWith(" within 30s");
        assertThat(failureOf("silent").logTail()).contains("stub: misbehaving as silent on "
                + failureOf("silent").reason().replaceAll(".*127\\.0\\.0\\.1:(\\d+).*", "$1"));
    }

    @Test
    void aTargetThatAnswersGarbageGivesABadResponse() {
        assertThat(failureOf("garbage").reason()).startsWith("parity check failed: bad response to GET /: not HTTP (");
    }

    @Test
    void aHugeBodyIsRefusedByItsLengthNotBuffered() {
        assertThat(failureOf("huge").reason()).isEqualTo("parity check failed: bad response to GET /: body over "
                + HttpProbe.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void aTargetThatIgnoresSigtermIsKilledAndTheRunSaysSo() throws Exception {
        Matcher said = Pattern.compile("misbehaving/noterm: pid (\\d+) did not stop within 5s of SIGTERM: killed "
                + "with SIGKILL").matcher(run.printed());
        assertThat(said.find()).as(run.printed()).isTrue();
        // the pid it names is one the run started
        assertThat(run.startedProcessPids()).contains(Long.parseLong(said.group(1)));
        assertThat(run.printed()).doesNotContain("misbehaving/healthy: pid");
    }

    @Test
    void aPortHeldByAForeignListenerIsToldFromTheTargetsOwn() throws Exception {
        String reason = failureOf("foreign").reason();
        Matcher m = Pattern.compile("misbehaving/foreign: port (\\d+) is held by another process \\(pid (\\d+)\\)")
                .matcher(reason);
        assertThat(m.find()).as(reason).isTrue();
        long holder = Long.parseLong(m.group(2));
        assertThat(run.startedProcessPids()).doesNotContain(holder);
        assertThat(failureOf("foreign").logTail()).contains("stub: foreign listener pid " + holder + " holds port "
                + m.group(1));
        // the stub's grandchild lives until the stub is gone (it reads a pipe only the stub writes to)
        ProcessHandle foreign = ProcessHandle.of(holder).orElse(null);
        if (foreign != null) {
            try {
                foreign.onExit().get(10, TimeUnit.SECONDS);
            } finally {
                foreign.destroyForcibly(); // by the pid the run named, should the stub's pipe not end it
            }
        }
    }

    @Test
    void noProcessTheRunStartedIsLeft() throws Exception {
        // 7 variants at the parity check, then the measured ones per trial, then the next workload's
        assertThat(run.startedProcesses()).hasSizeGreaterThanOrEqualTo(7 + 2 + 1);
        assertThat(run.stillRunning()).isEmpty();
    }
}
