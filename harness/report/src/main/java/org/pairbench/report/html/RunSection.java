package org.pairbench.report.html;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pairbench.core.result.RunInterference;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunSummary;

/**
 * The run header: what ran, when, on which machine, pinned to which CPUs, with which Python and packages. Works
 * with either file missing.
 */
final class RunSection {
    private RunSection() {
    }

    static void write(Html h, RunMetadata run, RunSummary summary) {
        h.open("section", "id", "run").newline();
        h.element("h2", "Run").newline();
        h.open("table").newline();
        field(h, "Run id", run != null ? run.runId() : summary != null ? summary.runId() : null);
        field(h, "Suite", run != null ? run.suite() : summary != null ? summary.suite() : null);
        field(h, "Profile", run != null ? run.profile() : null);
        field(h, "Runtime", run != null ? run.runtime() : summary != null ? summary.runtime() : null);
        field(h, "Status", summary != null ? summary.status() : "unknown (summary.json missing)");
        field(h, "Started", summary != null ? summary.startedAt() : run != null ? run.startedAt() : null);
        field(h, "Finished", summary != null ? summary.finishedAt() : null);
        RunInterference quiet = summary == null ? null : RunInterference.of(summary);
        field(h, "How quiet", quiet == null || quiet.steps() == 0 ? null : quiet.sentence());
        if (run != null) {
            field(h, "Git revision", git(run.git()));
            field(h, "Command line", run.commandLine() == null ? null : String.join(" ", run.commandLine()));
        }
        h.close("table").newline();
        if (run != null) {
            environment(h, run.environment());
            python(h, run.python());
        }
        h.close("section").newline();
    }

    private static String git(RunMetadata.GitInfo git) {
        if (git == null) {
            return null;
        }
        return Fmt.orNone(git.revision()) + (git.dirty() ? " (with uncommitted changes)" : "");
    }

    private static void environment(Html h, RunMetadata.EnvironmentInfo env) {
        h.element("h3", "Machine and placement").newline();
        if (env == null) {
            h.element("p", "Not recorded.").newline();
            return;
        }
        h.open("table").newline();
        field(h, "CPU", env.cpuModel());
        field(h, "Logical CPUs", String.valueOf(env.cpus()));
        field(h, "Memory", env.memoryBytes() > 0 ? Fmt.gib(env.memoryBytes()) : null);
        field(h, "OS / kernel", Fmt.orNone(env.os()) + " / " + Fmt.orNone(env.kernel()));
        field(h, "Java", env.java());
        field(h, "JVM arguments", env.jvmArgs() == null ? null : String.join(" ", env.jvmArgs()));
        field(h, "Generator", "Netty " + Fmt.orNone(env.nettyTransport()) + " transport, "
                + env.generatorThreads() + " thread(s), timer slack "
                + (env.timerSlackNs() < 0 ? "unknown" : env.timerSlackNs() + " ns") + ", polls "
                + env.spinLeadNs() / 1000 + " us before each open-loop send");
        field(h, "Generator CPUs", pinning(env.generatorCpus()));
        field(h, "Target CPUs", pinning(env.targetCpus()));
        h.close("table").newline();
        if (isBlank(env.generatorCpus()) || isBlank(env.targetCpus())) {
            h.element("p", "The generator and the targets were not both pinned to disjoint CPUs: they may have "
                    + "competed for cores, which adds noise to every figure below.", "class", "warn").newline();
        }
    }

    private static String pinning(String cpus) {
        return isBlank(cpus) ? "not pinned" : cpus;
    }

    private static void python(Html h, RunMetadata.PythonInfo py) {
        h.element("h3", "Python").newline();
        if (py == null) {
            h.element("p", "Not recorded.").newline();
            return;
        }
        h.open("table").newline();
        field(h, "Version", py.version());
        field(h, "Interpreter", py.executable());
        field(h, "Lock file", Fmt.orNone(py.lockFile()) + (isBlank(py.lockSha256()) ? "" : " (sha256 " + py.lockSha256() + ")"));
        h.close("table").newline();
        Map<String, String> packages = py.packages() == null ? Map.of() : new TreeMap<>(py.packages());
        if (packages.isEmpty()) {
            h.element("p", "No package versions recorded.", "class", "warn").newline();
            return;
        }
        h.element("h4", "Installed packages (exact versions)").newline();
        h.open("table").newline().row("th", "Package", "Version");
        packages.forEach((name, version) -> h.row("td", name, version));
        h.close("table").newline();
    }

    static void field(Html h, String name, String value) {
        h.row("td", name, Fmt.orNone(value));
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The banner above everything: is this run complete, and if not, what does that mean for the figures. */
    static void statusBanner(Html h, RunSummary summary, List<String> problems) {
        String status = summary == null ? null : summary.status();
        String css;
        String text;
        if (RunSummary.COMPLETE.equals(status)) {
            css = "banner ok";
            text = "Run complete.";
        } else if (RunSummary.COMPLETED_WITH_FAILURES.equals(status)) {
            css = "banner warn";
            text = "Run completed with failures: some variant trials did not run to their end. "
                    + "Their failures are listed under each workload; figures shown are those that were measured.";
        } else if (RunSummary.INTERRUPTED.equals(status)) {
            css = "banner bad";
            text = "Run interrupted: the figures below are partial. Steps and workloads that had not run are absent.";
        } else if (RunSummary.RUNNING.equals(status)) {
            css = "banner bad";
            text = "Run still running, or killed without a chance to record it: the figures below are partial.";
        } else {
            css = "banner bad";
            text = "Run status unknown" + (status == null ? "" : " (" + status + ")") + ": read with care.";
        }
        h.element("p", text, "class", css).newline();
        for (String p : problems) {
            h.element("p", p, "class", "banner bad").newline();
        }
    }
}
