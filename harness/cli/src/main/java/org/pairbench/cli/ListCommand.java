package org.pairbench.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.Suite;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.run.RunPlan;
import picocli.CommandLine.Command;

/** {@code pairbench list}: the workloads with their variants and profiles, and the suites. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the workloads (claims, variants, profiles) and the suites.")
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        WorkloadCatalog catalog = new WorkloadCatalog(ProjectDir.get().resolve("workloads"));
        PrintStream out = System.out;
        out.println("Workloads (workloads/*.yaml):");
        for (String name : catalog.workloadNames()) {
            Workload w = catalog.workload(name, null);
            out.println();
            out.println("  " + w.name() + (w.claims().isEmpty() ? "" : "  [claims " + String.join(", ", w.claims())
                    + "]"));
            out.println("    " + w.description());
            out.println("    variants:");
            for (VariantSpec v : w.variants().values()) {
                String guide = v.guide() == null ? "" : v.guide().corrected()
                        ? "  (runs corrected guide code; as written: " + v.guide().original() + ", guide snippet "
                                + v.guide().snippet() + ": ./pairbench snippets shows what it raises)"
                        : "  (guide code as written)";
                out.println("      " + pad(v.name(), 18) + v.description() + guide);
            }
            out.println("    profiles:");
            for (LoadProfile p : w.profiles().values()) {
                String planned = String.format(Locale.ROOT, "about %s planned",
                        minutes(RunPlan.plan(w, p, 0).plannedSeconds()));
                if (w.inProcess()) {
                    out.printf(Locale.ROOT, "      %-18s%d trial(s), each one pyperf run (%s) of the cases %s; %s%n",
                            p.name(), p.trials(), String.join(" ", p.pyperfArgs()),
                            String.join(", ", p.steps().stream().map(StepSpec::id).toList()), planned);
                    continue;
                }
                long open = p.steps().stream().filter(s -> s instanceof StepSpec.OpenLoop).count();
                out.printf(Locale.ROOT, "      %-18s%d trial(s), %d open-loop and %d closed-loop steps, "
                                + "%ds of load per variant and trial; %s%n", p.name(), p.trials(), open,
                        p.steps().size() - open, p.plannedTrialTime().toSeconds(), planned);
            }
        }
        out.println();
        out.println("Suites (workloads/suites/*.yaml):");
        for (String name : catalog.suiteNames()) {
            Suite s = catalog.suite(name);
            // planned as a run of the suite plans it (Runs): the suite's trial count, when it sets one
            List<RunPlan.WorkloadPlan> plans = new ArrayList<>();
            for (String workload : s.workloads()) {
                Workload w = catalog.workload(workload, null);
                LoadProfile p = w.profiles().get(s.profile());
                if (p != null) {
                    plans.add(RunPlan.plan(w, p, s.trialsOverride()));
                }
            }
            double sec = new RunPlan(s, plans).plannedSeconds();
            out.println("  " + pad(s.name(), 8) + "profile " + pad(s.profile(), 7) + "about " + minutes(sec)
                    + " planned; workloads " + String.join(", ", s.workloads()) + "  - " + s.description());
        }
        out.println();
        out.println("Planned times are wall times modeled from these files (load, target starts, parity, pyperf"
                + " processes), calibrated on a quiet 2-core machine; a busy machine takes longer.");
        return 0;
    }

    private static String minutes(double sec) {
        long s = Math.round(sec);
        return s >= 60 ? s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
