package org.pairbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --claims FILE}, one picocli mixin for every command that judges claims ({@code run}, {@code report},
 * {@code merge}, {@code compare}), so the option reads and works the same everywhere. Filled by picocli on the
 * command's thread before it runs.
 */
final class ClaimFilesOption {
    @Option(names = "--claims", paramLabel = "FILE",
            description = "A claims file of your own (the format of workloads/claims.yaml), judged with the "
                    + "project's claims and the measured workload files' own; checked before anything is run or "
                    + "written. Repeatable.")
    List<Path> files = new ArrayList<>();
}
