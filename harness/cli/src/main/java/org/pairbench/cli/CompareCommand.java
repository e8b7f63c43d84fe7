package org.pairbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pairbench.compare.BencherMetrics;
import org.pairbench.compare.CompareMarkdown;
import org.pairbench.compare.ComparedRun;
import org.pairbench.compare.Comparison;
import org.pairbench.console.Format;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.StepIntervals;
import org.pairbench.report.data.HlogStepIntervals;
import org.pairbench.resultfiles.RunClaims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pairbench compare BASELINE_DIR CURRENT_DIR}: the regression check for CI. Reads only the two results
 * directories' files; the rule is {@link Comparison}'s. Prints Markdown on stdout.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two results directories variant by variant, step by step (throughput, p50 and "
                + "p99 from intended send time, target CPU per request) and claim by claim, and prints a Markdown "
                + "table of what moved.",
            "A metric regressed when it got worse by more than --threshold AND the change is significant: "
                + "Welch's t on the logs of the valid trials (3 or more on each side; fewer is not compared, and "
                + "said so), with Holm's correction over every metric tested, so that at most 5%% of same-code "
                + "comparisons raise an alarm. A step that failed in CURRENT but not in BASELINE is a regression. "
                + "Claim verdicts are recomputed for both runs and changed ones listed; --fail-on makes chosen "
                + "verdicts fail the check.",
            "The workloads both runs measured are compared (the others are named); runs with a different "
                + "runtime, a different definition of a common workload, different Python package versions, or "
                + "no workload in common are MISMATCHED and not compared."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no metric regressed (and no claim has a --fail-on verdict)",
            "1:a directory could not be read",
            "2:wrong arguments",
            "4:at least one metric regressed (or a step failed), or a claim has a --fail-on verdict",
            "5:MISMATCHED: the runs measured different things; nothing compared"})
final class CompareCommand implements Callable<Integer> {
    /**
     * The run with its claims judged anew, so that both sides are judged by the same rules and claims; outside a
     * checkout (no workloads/ directory: the results directories alone) the claims.json each run wrote.
     */
    private ComparedRun judged(ComparedRun r) {
        Path project;
        try {
            project = ProjectDir.get();
        } catch (IllegalStateException e) {
            return r;
        }
        List<ClaimSpec> specs = RunClaims.specs(project, r.run(), claims.files);
        StepIntervals logs = new HlogStepIntervals(new ResultLayout(r.dir()));
        return r.withClaims(ClaimsJudge.judge(r.summary(), specs, logs));
    }

    @Parameters(index = "0", paramLabel = "BASELINE_DIR", description = "The results directory to compare against.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT_DIR", description = "The results directory under test.")
    Path current;

    @Spec
    CommandSpec spec;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "10",
            description = "Least change (percent) that counts as a regression, however sure "
                    + "(default: ${DEFAULT-VALUE}).")
    double thresholdPct;

    @Option(names = "--bencher", paramLabel = "FILE",
            description = "Also write CURRENT_DIR's figures in Bencher Metric Format (BMF JSON) to FILE.")
    Path bencher;

    @Mixin
    ClaimFilesOption claims = new ClaimFilesOption();

    @Option(names = "--fail-on", paramLabel = "VERDICT[,VERDICT]", split = ",",
            description = "Fail (exit 4) when a claim of CURRENT_DIR has one of these verdicts: refuted, "
                    + "inconclusive, no-data, supported; or 'changed': its verdict differs from BASELINE_DIR's. "
                    + "Both runs' verdicts are recomputed from summary.json with today's rules and claims.")
    List<String> failOn = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!(thresholdPct >= 0) || Double.isInfinite(thresholdPct)) {
            throw new IllegalArgumentException("--threshold must be a percentage >= 0, not " + thresholdPct);
        }
        for (String v : failOn) {
            if (!Comparison.FAIL_ON.contains(v)) {
                throw new IllegalArgumentException("--fail-on: '" + v + "' is not one of " + String.join(", ",
                        Comparison.FAIL_ON));
            }
        }
        ComparedRun base = judged(ComparedRun.read(baseline));
        ComparedRun cur = judged(ComparedRun.read(current));
        if (bencher != null) {
            // the current run's figures stand on their own: written even when the runs are mismatched
            BencherMetrics.write(bencher, cur.summary());
        }
        Comparison c = Comparison.of(base, cur, thresholdPct, Set.copyOf(failOn));
        spec.commandLine().getOut().print(CompareMarkdown.render(c));
        spec.commandLine().getOut().flush();
        return c.exitCode();
    }
}
