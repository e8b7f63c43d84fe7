package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.spec.SpecException;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.spec.WorkloadLoader;

/**
 * Claims of the user's own: in a workload file's {@code claims:} list beside the catalog ids, and in a
 * {@code --claims} file naming the run's workloads; validated like claims.yaml, with file and line.
 */
class OwnClaimsTest {
    private static final Path WORKLOADS = Path.of("../../workloads");
    private static final WorkloadCatalog CATALOG = new WorkloadCatalog(WORKLOADS);
    private static final String OWN = """
            claims:
              - C3
              - id: mine/aiohttp-faster
                claim: mine
                source: {outside: "our team's migration plan", quote: "the port must be at least as fast"}
                baseline: eventlet-wsgi
                candidate: aiohttp
                metric: throughput
                step: hello-closed-64c
                hypothesis: not-worse
                margin: 0.05
            """;

    @TempDir
    Path dir;

    /** http-hello's file as a workload of the user's own, named {@code my-hello}, with the given claims list. */
    private Workload mine(String claims) throws IOException {
        String text = Files.readString(WORKLOADS.resolve("http-hello.yaml")).replace("name: http-hello",
                "name: my-hello").replace("claims: [C3, C1]\n", claims);
        Path file = dir.resolve("my-hello.yaml");
        Files.writeString(file, text);
        return WorkloadLoader.load(file);
    }

    @Test
    void aWorkloadFilesOwnClaimsSitBesideItsCatalogIds() throws IOException {
        Workload w = mine(OWN);
        assertThat(w.claims()).containsExactly("C3");
        List<ClaimSpec> own = ClaimsLoader.own(w);
        assertThat(own).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("mine/aiohttp-faster");
            assertThat(c.workload()).isEqualTo("my-hello");
            assertThat(c.hypothesis()).isEqualTo(Hypothesis.NOT_WORSE);
            assertThat(c.source().outside()).isEqualTo("our team's migration plan");
        });
        // the project's claims and the workload's own, together
        List<ClaimSpec> all = ClaimSpecs.load(CATALOG, List.of(w), List.of());
        assertThat(all).extracting(ClaimSpec::id).contains("C3/aiohttp-throughput", "mine/aiohttp-faster");
    }

    @Test
    void aMistakeInAnOwnClaimNamesFileLineAndField() throws IOException {
        Workload w = mine(OWN.replace("candidate: aiohttp", "candidate: aiohtp"));
        assertThatThrownBy(() -> ClaimsLoader.own(w)).isInstanceOf(SpecException.class)
                .hasMessageContaining("my-hello.yaml:").hasMessageContaining("claims[1].candidate: workload my-hello "
                        + "has no variant named 'aiohtp'");
        Workload other = mine(OWN.replace("    baseline: eventlet-wsgi", "    workload: http-hello\n    baseline: eventlet-wsgi"));
        assertThatThrownBy(() -> ClaimsLoader.own(other)).hasMessageContaining("claims[1].workload: a workload "
                + "file's own claims compare its own variants");
    }

    @Test
    void aClaimsFileOfTheUsersOwnNamesTheRunsWorkloadsAndIdsStayUnique() throws IOException {
        Workload w = mine("claims: [C3]\n");
        String entry = OWN.substring(OWN.indexOf("  - id:")).replace("    baseline:", "    workload: my-hello\n"
                + "    baseline:");
        Path file = dir.resolve("ours.yaml");
        Files.writeString(file, "claims:\n" + entry);
        assertThat(ClaimSpecs.load(CATALOG, List.of(w), List.of(file))).extracting(ClaimSpec::id)
                .contains("mine/aiohttp-faster");
        Path twice = dir.resolve("twice.yaml");
        Files.writeString(twice, "claims:\n" + entry);
        assertThatThrownBy(() -> ClaimSpecs.load(CATALOG, List.of(w), List.of(file, twice)))
                .hasMessageContaining("twice.yaml:2: claims[0].id: claim id 'mine/aiohttp-faster' is also in "
                        + file);
    }
}
