package org.pairbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --claims FILE} is the one mixin on every command that judges claims, repeatable, with the same text. */
class ClaimFilesOptionTest {

    @Test
    void runReportMergeAndCompareTakeRepeatedClaimsFilesThroughTheOneMixin() {
        RunCommand run = new RunCommand();
        ReportCommand report = new ReportCommand();
        MergeCommand merge = new MergeCommand();
        CompareCommand compare = new CompareCommand();
        new CommandLine(run).parseArgs("--claims", "a.yaml", "--claims", "b.yaml");
        new CommandLine(report).parseArgs("DIR", "--claims", "a.yaml", "--claims", "b.yaml");
        new CommandLine(merge).parseArgs("--out", "M", "S1", "S2", "--claims", "a.yaml", "--claims", "b.yaml");
        new CommandLine(compare).parseArgs("BASE", "CUR", "--claims", "a.yaml", "--claims", "b.yaml");
        List<Path> both = List.of(Path.of("a.yaml"), Path.of("b.yaml"));
        assertThat(run.claims.files).isEqualTo(both);
        assertThat(report.report.claims.files).isEqualTo(both);
        assertThat(merge.report.claims.files).isEqualTo(both);
        assertThat(compare.claims.files).isEqualTo(both);

        CommandLine root = new CommandLine(new PairbenchCommand());
        List<String> descriptions = List.of("run", "report", "merge", "compare").stream()
                .map(name -> root.getSubcommands().get(name).getCommandSpec().findOption("--claims"))
                .map(OptionSpec::description).map(d -> String.join(" ", d)).distinct().toList();
        assertThat(descriptions).hasSize(1);
    }
}
