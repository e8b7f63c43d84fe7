package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ForcedStop;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.PortRetry;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.netty.http.HttpProbe;

/**
 * Targets that misbehave, each a variant of one workload ({@code fixtures/misbehaving.yaml}, stubs in
 * {@code misbehaving_stub.py}) run beside a healthy variant and followed by a second workload: one that hangs after
 * accepting, one that never listens, one that answers garbage, one that sends a 100 MiB body, one that stops
 * answering in the middle of its step, one that ignores SIGTERM, and one whose port a foreign process holds. Each
 * misbehaving variant ends failed with a one-line reason naming its case, except two that are measured and whose
 * incident is said on the progress line and recorded on the variant in summary.json: the SIGTERM one (killed with
 * SIGKILL) and the foreign one (started again on another port). The healthy variant and the next workload are
 * measured, and no process the run started is left, checked by the pids of the run's own record. Every fault is an
 * event in the stub (a connection accepted, a request read, a request count, a first start), never a timer; the
 * one-time run takes about the parity timeout (10 s) plus the readiness timeout (30 s) plus the SIGTERM grace (5 s)
 * per stop plus the answer check's timeout (10 s).
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

    private static VariantInfo variant(String name) {
        return misbehaving.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theHealthyVariantAndTheNextWorkloadAreMeasured() {
        assertThat(run.summary.status()).isEqualTo(RunSummary.COMPLETED_WITH_FAILURES);
        assertThat(misbehaving.parity().status()).as(run.printed()).isEqualTo(ParityResult.PASSED);
        for (String measured : List.of("healthy", "noterm", "foreign")) {
            List<StepResult> steps = misbehaving.steps().stream().filter(s -> s.variant().equals(measured)).toList();
            assertThat(steps).as(measured + "\n" + run.printed()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepResult.OK))
                    .allSatisfy(s -> assertThat(s.counts().ok()).isEqualTo(s.counts().requests()).isPositive());
        }
        // the stall's step is kept, failed, with what it measured before the target stopped answering
        assertThat(misbehaving.steps()).extracting(StepResult::variant)
                .containsOnly("healthy", "noterm", "foreign", "stall");
        WorkloadResult next = run.summary.workloads().get(1);
        assertThat(next.failures()).isEmpty();
        assertThat(next.steps()).isNotEmpty().allSatisfy(s -> assertThat(s.counts().ok()).isPositive());
    }

    @Test
    void everyMisbehavingVariantFailsWithOneLineNamingItsCase() {
        assertThat(misbehaving.failures()).extracting(VariantFailure::variant)
                .containsExactlyInAnyOrder("hang", "silent", "garbage", "huge", "stall");
        assertThat(misbehaving.failures()).allSatisfy(f -> {
            assertThat(f.reason()).doesNotContain("\n");
            if (f.variant().equals("stall")) {
                assertThat(f.trial()).isOne(); // it passes the parity check and fails in its trial
                assertThat(run.printed()).contains("FAILED misbehaving/stall trial 1: " + f.reason());
            } else {
                assertThat(f.trial()).isZero(); // at the parity check: never measured
                assertThat(run.printed()).contains("FAILED misbehaving/" + f.variant() + ": ");
            }
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
    void aTargetThatStopsAnsweringMidStepFailsItsTrialThere() {
        VariantFailure stall = failureOf("stall");
        StepResult partial = misbehaving.steps().stream().filter(s -> s.variant().equals("stall")).findFirst()
                .orElseThrow();
        // the stub answers 5 requests (STUB_STALL_AFTER) of a fresh process, then none
        assertThat(stall.reason()).isEqualTo("stopped answering after 5 requests in step " + partial.step()
                + ": no answer within 10s to GET /");
        assertThat(stall.step()).isEqualTo(partial.step());
        assertThat(stall.exitCode()).isNull(); // alive, not exited
        assertThat(partial.status()).isEqualTo(StepResult.FAILED);
        assertThat(partial.error()).isEqualTo(stall.reason());
        assertThat(partial.counts().ok()).isEqualTo(5);
        assertThat(partial.counts().timeout()).isPositive();
    }

    @Test
    void aTargetThatIgnoresSigtermIsKilledAndTheRunSaysSo() throws Exception {
        Matcher said = Pattern.compile("misbehaving/noterm: pid (\\d+) did not stop within 5s of SIGTERM: killed "
                + "with SIGKILL").matcher(run.printed());
        assertThat(said.find()).as(run.printed()).isTrue();
        // the pid it names is one the run started
        assertThat(run.startedProcessPids()).contains(Long.parseLong(said.group(1)));
        assertThat(run.printed()).doesNotContain("misbehaving/healthy: pid");
        // and summary.json says it on the variant, for each of its starts: the parity check's and trial 1's
        List<ForcedStop> stops = variant("noterm").forcedStops();
        assertThat(stops).extracting(ForcedStop::trial).containsExactly(0, 1);
        assertThat(stops).allSatisfy(stop -> {
            assertThat(stop.signal()).isEqualTo("SIGKILL");
            assertThat(stop.afterSeconds()).isEqualTo(5);
            assertThat(stop.pids()).hasSize(1);
            assertThat(run.startedProcessPids()).containsAll(stop.pids());
            assertThat(stop.reason()).isEqualTo("misbehaving/noterm: pid " + stop.pids().get(0)
                    + " did not stop within 5s of SIGTERM: killed with SIGKILL");
            assertThat(run.printed()).contains(stop.reason());
        });
        assertThat(variant("healthy").forcedStops()).isEmpty();
    }

    @Test
    void aPortHeldByAForeignListenerIsRetriedOnAnotherPortAndMeasured() throws Exception {
        // the stub's first start of each trial (0: the parity check, then trial 1) has a foreign process take its
        // port; the harness starts it again on another, where it listens itself
        List<PortRetry> retries = variant("foreign").portRetries();
        assertThat(retries).extracting(PortRetry::trial).containsExactly(0, 1);
        for (PortRetry retry : retries) {
            assertThat(retry.nextPort()).isNotEqualTo(retry.port());
            assertThat(retry.holderPid()).isNotNull();
            assertThat(run.startedProcessPids()).doesNotContain(retry.holderPid());
            assertThat(retry.reason()).isEqualTo("misbehaving/foreign: port " + retry.port() + " is held by another "
                    + "process (pid " + retry.holderPid() + "), not by the target: starting it again on port "
                    + retry.nextPort() + " (retry 1 of 2)");
            assertThat(run.printed()).contains(retry.reason());
            // the stub's grandchild lives until the stub is gone (it reads a pipe only the stub writes to)
            ProcessHandle foreign = ProcessHandle.of(retry.holderPid()).orElse(null);
            if (foreign != null) {
                try {
                    foreign.onExit().get(10, TimeUnit.SECONDS);
                } finally {
                    foreign.destroyForcibly(); // by the pid the run named, should the stub's pipe not end it
                }
            }
        }
        assertThat(variant("healthy").portRetries()).isEmpty();
    }

    @Test
    void theSummaryWithItsIncidentsFollowsItsSchema() throws Exception {
        assertThat(ResultSchemas.violations("summary.schema.json",
                new ResultLayout(dir.resolve("r")).summaryJson())).isEmpty();
    }

    @Test
    void noProcessTheRunStartedIsLeft() throws Exception {
        // 8 variants at the parity check and the foreign one's retry, then the measured ones of trial 1 and the
        // foreign one's retry there, then the next workload's
        assertThat(run.startedProcesses()).hasSizeGreaterThanOrEqualTo(8 + 1 + 4 + 1 + 1);
        assertThat(run.stillRunning()).isEmpty();
    }
}
