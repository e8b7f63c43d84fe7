package org.pairbench.inprocess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pairbench.console.ProgressReporter;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.run.RunControl;
import org.pairbench.run.RunPlan.Trial;
import org.pairbench.run.RunPlan.WorkloadPlan;
import org.pairbench.run.TargetRequests;
import org.pairbench.run.WorkloadServices;
import org.pairbench.targets.TargetRuntime;

/**
 * Runs an in-process workload ({@code kind: inprocess}): no parity check (there is no service to ask) and no
 * upstream or database; each planned trial, in the interleaved order service workloads use, is one pyperf run of
 * the variant's program ({@link InProcessTrialExecutor}).
 *
 * <p>Threading: the runner's thread.
 */
public final class InProcessWorkloadRunner {
    private final TargetRuntime runtime;
    private final ResultsBook book;
    private final ProgressReporter progress;
    private final RunControl control;
    private final TargetRequests requests;
    private final InProcessTrialExecutor trials;

    public InProcessWorkloadRunner(TargetRuntime runtime, ResultsBook book, ProgressReporter progress, RunControl control,
                            TargetRequests requests, InProcessTrialExecutor trials) {
        this.runtime = runtime;
        this.book = book;
        this.progress = progress;
        this.control = control;
        this.requests = requests;
        this.trials = trials;
    }

    public void run(WorkloadPlan w) throws IOException, InterruptedException {
        String name = w.workload().name();
        List<VariantInfo> infos = new ArrayList<>();
        for (VariantSpec v : w.workload().variants().values()) {
            var request = InProcessTrialExecutor.programRequest(requests.request(w.workload(), v, 1,
                    WorkloadServices.NONE), w.profile());
            String ranOn = runtime.runtimeFor(request.launch());
            infos.add(new VariantInfo(v.name(), v.description(), request.launch().argv(), v.settings(), v.guide(),
                    ranOn.equals(runtime.name()) ? null : ranOn));
        }
        book.workload(name, w.workload().description(), w.workload().claims(), w.profile().name(), infos);
        int variants = Math.max(1, w.workload().variants().size());
        progress.message("== " + name + ": " + w.profile().name() + " profile, in-process, " + variants
                + " variants x " + w.trials().size() / variants + " trial(s), each one pyperf run of "
                + String.join(", ", InProcessTrialExecutor.caseNames(w.profile())));
        List<Trial> order = w.trials();
        for (int i = 0; i < order.size(); i++) {
            if (control.interrupted()) {
                return;
            }
            Trial t = order.get(i);
            trials.run(w, t, String.format(Locale.ROOT, "[%d/%d %s t%d]", i + 1, order.size(), t.variant(),
                    t.number()));
        }
    }
}
