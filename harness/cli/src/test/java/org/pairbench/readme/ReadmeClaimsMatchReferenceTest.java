package org.pairbench.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.ResultFiles;
import org.pairbench.core.verdict.ClaimsReport;

/**
 * The README's claims table is the one {@code pairbench readme-claims results/reference} writes from the published
 * reference's claims.json: this fails when either was changed without the other.
 */
class ReadmeClaimsMatchReferenceTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void readmeTableIsTheReferenceClaimsJsonRendered() throws Exception {
        ClaimsReport reference = ResultFiles.read(PROJECT.resolve("results/reference/claims.json"),
                ClaimsReport.class);
        assertThat(reference.schema()).isEqualTo(ClaimsReport.SCHEMA);
        String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(ReadmeClaimsSection.current(readme))
                .as("README.md's claims table differs from results/reference/claims.json: run "
                        + "./pairbench readme-claims results/reference")
                .isEqualTo(ReadmeClaimsSection.between(ReadmeClaimsTable.render(reference)));
        assertThat(ReadmeClaimsTable.render(reference).lines().count()).isEqualTo(2 + reference.claims().size());
    }

    @Test
    void replacingKeepsEverythingOutsideTheMarkers() {
        String readme = "intro\n" + ReadmeClaimsSection.BEGIN + "\nold table\n" + ReadmeClaimsSection.END + "\nrest\n";
        String table = "| a |\n|---|\n";
        String after = ReadmeClaimsSection.replace(readme, table);
        assertThat(after).isEqualTo("intro\n" + ReadmeClaimsSection.BEGIN + "\n| a |\n|---|\n"
                + ReadmeClaimsSection.END + "\nrest\n");
        assertThat(ReadmeClaimsSection.replace(after, table)).isEqualTo(after);
        assertThatThrownBy(() -> ReadmeClaimsSection.current("no markers"))
                .hasMessageContaining("README.md: no line <!-- claims-table:begin");
    }
}
