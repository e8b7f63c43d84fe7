package org.pairbench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.readme.ReadmeClaimsSection;
import org.pairbench.readme.ReadmeClaimsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pairbench readme-claims DIR}: writes the claims table of README.md, between its marker comments, from the
 * results directory's {@code claims.json} (format {@value ClaimsReport#SCHEMA}; an older file is refused with the
 * command that rewrites it). Run it again whenever the published reference changes.
 */
@Command(name = "readme-claims", mixinStandardHelpOptions = true,
        description = "Writes README.md's claims table (between its claims-table marker comments) from a results "
                + "directory's claims.json, e.g. results/reference.")
final class ReadmeClaimsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A results directory holding claims.json.")
    Path dir;

    @Option(names = "--readme", paramLabel = "FILE", description = "The file to update (default: the checkout's "
            + "README.md).")
    Path readme;

    @Override
    public Integer call() throws Exception {
        Path claimsJson = new ResultLayout(dir).claimsJson();
        if (!Files.isRegularFile(claimsJson)) {
            throw new IllegalArgumentException(claimsJson + ": no such file (pairbench report " + dir
                    + " computes it)");
        }
        ClaimsReport claims = ResultFiles.read(claimsJson, ClaimsReport.class);
        if (!ClaimsReport.SCHEMA.equals(claims.schema())) {
            throw new IllegalArgumentException(claimsJson + ":1: schema: " + claims.schema() + ", expected "
                    + ClaimsReport.SCHEMA + " (pairbench report " + dir + " rewrites it by today's rules)");
        }
        Path file = readme != null ? readme : ProjectDir.get().resolve("README.md");
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = ReadmeClaimsSection.replace(before, ReadmeClaimsTable.render(claims));
        Files.writeString(file, after, StandardCharsets.UTF_8);
        System.out.println(file + ": claims table " + (after.equals(before) ? "already up to date" : "rewritten")
                + " from " + claimsJson + " (" + claims.claims().size() + " claim comparisons)");
        return 0;
    }
}
