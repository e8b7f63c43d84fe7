package org.pairbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pairbench.core.parity.ParityCheck;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.netty.protocol.ProtocolFactory;
import org.pairbench.netty.protocol.ProtocolSupport;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.resultfiles.RunJsonFile;
import org.pairbench.run.RunPlan.WorkloadPlan;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRuntime;

/**
 * A workload's parity check before its trials: every variant started once, its effective settings read back
 * ({@link SettingsReadBack}), asked each parity request, stopped, and the answers compared ({@link ParityCheck}). A variant that does not start or does not answer is recorded as
 * a failure of trial 0, which the trial loop then skips.
 *
 * <p>Threading: the runner's thread.
 */
final class ParityRound {
    /** Each parity exchange, connect included: generous, as nothing is measured yet. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TargetRuntime runtime;
    private final RunControl control;
    private final PrintStream out;

    ParityRound(TargetRuntime runtime, RunControl control, PrintStream out) {
        this.runtime = runtime;
        this.control = control;
        this.out = out;
    }

    /**
     * Starts each variant once, reads back the settings a Python variant's process runs with (into run.json and
     * summary.json; a variant whose process contradicts its workload file is refused) and compares their answers;
     * a variant that cannot start is a failure.
     */
    ParityResult run(WorkloadPlan w, ProtocolFactory protocols, TargetRequests requests, ResultsBook book,
                     WorkloadServices services, RunJsonFile runJson) throws IOException {
        var parityRequests = w.workload().parity().stream().map(w.workload().requests()::get).toList();
        ProtocolSupport protocol = protocols.of(w.workload().protocol());
        List<ParityResult.ParityResponse> responses = new ArrayList<>();
        int answered = 0;
        for (VariantSpec v : w.workload().variants().values()) {
            if (control.interrupted()) {
                break;
            }
            RunningTarget started = null;
            try (RunningTarget target = runtime.start(requests.request(w.workload(), v, 0, services))) {
                started = target;
                TargetIncidents.started(book, w.workload().name(), v.name(), 0, target);
                if (v.launch() instanceof TargetLaunch.Python) {
                    // a refused variant is not measured: its figures would not describe what its file says
                    Map<String, String> effective = SettingsReadBack.read(target, v, w.workload().file()
                            .getFileName().toString());
                    book.effective(w.workload().name(), v.name(), effective);
                    runJson.effective(w.workload().name(), v.name(), effective);
                }
                for (var request : parityRequests) {
                    responses.add(protocol.parity(v.name(), target.address(), request, TIMEOUT));
                }
                answered++;
            } catch (TargetException e) {
                book.failure(w.workload().name(), new VariantFailure(v.name(), 0, null,
                        "did not start for the parity check: " + e.getMessage(), e.exitCode(), e.logTail()));
                out.println("FAILED " + w.workload().name() + "/" + v.name() + ": " + e.getMessage());
                e.logTail().forEach(l -> out.println("    | " + l));
            } catch (SettingsReadBack.Refused e) {
                book.failure(w.workload().name(), new VariantFailure(v.name(), 0, null, e.getMessage(), null,
                        List.of()));
                out.println("FAILED " + w.workload().name() + "/" + v.name() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // no answer in time, a bad one (not HTTP, a body over the probe's limit), a refused connection
                String reason = "parity check failed: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
                book.failure(w.workload().name(), new VariantFailure(v.name(), 0, null, reason, null, List.of()));
                out.println("FAILED " + w.workload().name() + "/" + v.name() + ": " + reason);
            } finally {
                TargetIncidents.stopped(book, w.workload().name(), v.name(), 0, started); // closed by now
            }
        }
        return ParityCheck.compare(responses, answered);
    }
}
