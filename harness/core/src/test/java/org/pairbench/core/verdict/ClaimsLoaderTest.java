package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.spec.SpecException;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;

/**
 * The shipped claims.yaml against the shipped workload files (a renamed step or variant fails here), and the
 * loader's errors, each naming file, line and field.
 */
class ClaimsLoaderTest {
    private static final Path WORKLOADS = Path.of("../../workloads");
    private static final WorkloadCatalog CATALOG = new WorkloadCatalog(WORKLOADS);

    @TempDir
    Path dir;

    @Test
    void theShippedClaimsNameStepsOfTheFullProfiles() {
        List<ClaimSpec> claims = ClaimsLoader.load(CATALOG);
        for (ClaimSpec c : claims) {
            Workload w = CATALOG.workload(c.workload(), null);
            Set<String> full = w.profiles().get("full").steps().stream().map(StepSpec::id)
                    .collect(Collectors.toSet());
            assertThat(full).as(c.id() + " step in " + c.workload() + "'s full profile").contains(c.step());
            // C1 (the conclusion) and C26 (run-to-run spread) bear on every pair, so workloads do not list them
            if (!Set.of("C1", "C26").contains(c.claim())) {
                assertThat(w.claims()).as(c.id() + ": the workload lists its claim").contains(c.claim());
            }
        }
        Set<String> covered = claims.stream().map(ClaimSpec::claim).collect(Collectors.toSet());
        assertThat(covered).contains("C1", "C2", "C3", "C4", "C6", "C7", "C10", "C12", "C13", "C15", "C21", "C23",
                "C25", "C26");
        assertThat(claims).anyMatch(c -> c.statistic().equals(ClaimSpec.CV));
        assertThat(claims).anyMatch(c -> c.metric() == Metric.DB_SESSIONS_PER_REQUEST);
    }

    private static final String ONE = """
            claims:
              - id: C3/aiohttp
                claim: C3
                words: replace eventlet.wsgi
                page: AS
                workload: http-hello
                baseline: eventlet-wsgi
                candidate: aiohttp
                metric: throughput
                step: hello-closed-64c
                threshold: 1.1
            """;

    private SpecException failure(String text) throws IOException {
        Path file = dir.resolve("claims.yaml");
        Files.writeString(file, text);
        try {
            ClaimsLoader.load(file, CATALOG);
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("expected a SpecException");
    }

    @Test
    void aValidEntryLoadsWithTheMetricsDirection() throws IOException {
        Path file = dir.resolve("claims.yaml");
        Files.writeString(file, ONE);
        ClaimSpec c = ClaimsLoader.load(file, CATALOG).get(0);
        assertThat(c.direction()).isEqualTo(ClaimSpec.HIGHER_IS_BETTER);
        assertThat(c.statistic()).isEqualTo(ClaimSpec.MEAN);
        assertThat(c.threshold()).isEqualTo(1.1);
    }

    @Test
    void anUnknownStepNamesItsLineAndTheFullProfilesSteps() throws IOException {
        SpecException e = failure(ONE.replace("hello-closed-64c", "hello-closed-65c"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.field()).isEqualTo("claims[0].step");
        assertThat(e.getMessage()).contains("claims.yaml:10: claims[0].step: no profile of workload http-hello has "
                + "a step 'hello-closed-65c'").contains("hello-closed-64c");
    }

    @Test
    void anUnknownVariantOrWorkloadOrMetricOrFieldIsRefused() throws IOException {
        assertThat(failure(ONE.replace("candidate: aiohttp", "candidate: aiohtp")).getMessage())
                .contains(":8: claims[0].candidate: workload http-hello has no variant named 'aiohtp'");
        assertThat(failure(ONE.replace("workload: http-hello", "workload: http-helo")).getMessage())
                .contains(":6: claims[0].workload: no workload named 'http-helo'");
        assertThat(failure(ONE.replace("metric: throughput", "metric: thruput")).getMessage())
                .contains(":9: claims[0].metric:").contains("not a metric");
        assertThat(failure(ONE.replace("threshold: 1.1", "treshold: 1.1")).getMessage())
                .contains(":11: claims[0].treshold: unknown field");
        assertThat(failure(ONE.replace("threshold: 1.1", "threshold: -1")).getMessage())
                .contains(":11: claims[0].threshold: must be a positive number");
    }

    @Test
    void duplicateIdsAndACvWithADirectionAreRefused() throws IOException {
        String twice = ONE + ONE.substring(ONE.indexOf("  - id"));
        assertThat(failure(twice).getMessage()).contains("claims[1].id: claim id 'C3/aiohttp' appears twice");
        assertThat(failure(ONE + "    statistic: cv\n    direction: higher-is-better\n").getMessage())
                .contains("claims[0].direction: a 'cv' claim compares spreads");
        assertThat(failure(ONE.replace("id: C3/aiohttp", "id: C4/aiohttp")).getMessage())
                .contains(":2: claims[0].id: must be the claim id, a slash and a name");
    }
}
