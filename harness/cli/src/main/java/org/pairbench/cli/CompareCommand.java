package org.pairbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pairbench.compare.BencherMetrics;
import org.pairbench.compare.CompareMarkdown;
import org.pairbench.compare.ComparedRun;
import org.pairbench.compare.Comparison;
import org.pairbench.console.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
                + "said so), with Holm's correction over every metric tested, so that at most 5% of same-code "
                + "comparisons raise an alarm. A step that failed in CURRENT but not in BASELINE is a regression. "
                + "Changed claim verdicts are listed; --fail-on makes chosen verdicts fail the check.",
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

    @Override
    public Integer call() throws Exception {
        if (!(thresholdPct >= 0) || Double.isInfinite(thresholdPct)) {
            throw new IllegalArgumentException("--threshold must be a percentage >= 0, not " + thresholdPct);
        }
        ComparedRun base = ComparedRun.read(baseline);
        ComparedRun cur = ComparedRun.read(current);
        if (bencher != null) {
            // the current run's figures stand on their own: written even when the runs are mismatched
            BencherMetrics.write(bencher, cur.summary());
        }
        Comparison c = Comparison.of(base, cur, thresholdPct);
        spec.commandLine().getOut().print(CompareMarkdown.render(c));
        spec.commandLine().getOut().flush();
        return c.exitCode();
    }
}
