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
        for (Hypothesis h : Hypothesis.values()) {
            if (h != Hypothesis.MORE) {
                assertThat(claims).as("a shipped claim tests " + h.key()).anyMatch(c -> c.hypothesis() == h);
            }
        }
    }

    /**
     * The loader checks that a claim's variant and step exist; this checks that the step, as the full profile now
     * measures it, still gives the claim's metric (a trimmed profile that drops a step's probe, its idle
     * connections, or a workload's upstream or database would leave the claim with no data).
     */
    @Test
    void theShippedClaimsMetricsAreMeasuredByTheirFullProfileSteps() {
        List<String> problems = new java.util.ArrayList<>();
        for (ClaimSpec c : ClaimsLoader.load(CATALOG)) {
            Workload w = CATALOG.workload(c.workload(), null);
            StepSpec step = w.profiles().get("full").steps().stream().filter(s -> s.id().equals(c.step()))
                    .findFirst().orElseThrow();
            String lacks = whatTheStepLacks(c.metric(), w, step);
            if (lacks != null) {
                problems.add(c.id() + " reads " + c.metric().key() + " at " + c.workload() + "/" + c.step()
                        + ", which " + lacks);
            }
        }
        assertThat(problems).as("claims whose metric the full profile's step does not measure").isEmpty();
    }

    private static String whatTheStepLacks(Metric metric, Workload w, StepSpec step) {
        return switch (metric) {
            // both kinds: requests (or operations) per second and the median per request (or operation)
            case THROUGHPUT, P50 -> null;
            case THREADS_STARTED, LOOPS_CREATED, FDS_PEAK, FDS_END, RESOURCE_WARNINGS, BYTES_PER_PARKED_TASK,
                    LOOP_LAG_MAX -> w.inProcess() ? null : "is a service step (only in-process cases count it)";
            case P99, P999, CPU_PER_REQUEST, RSS_PER_CONNECTION -> w.inProcess() ? "is an in-process case" : null;
            case PROBE_P99 -> step.probe() == null ? "has no probe stream" : null;
            case IDLE_ANSWERED_SHARE -> step.idleConnections() == 0 ? "opens no idle connections" : null;
            case UPSTREAM_CONNECTIONS_PER_REQUEST -> w.upstream() ? null : "has no upstream";
            case DB_SESSIONS_PER_REQUEST -> w.database() == null ? "has no database" : null;
        };
    }

    @Test
    void claimsNotFromTheGuidePagesSaySoAndTheOthersCiteAPageAndSection() {
        for (ClaimSpec c : ClaimsLoader.load(CATALOG)) {
            boolean outside = Set.of("C23", "C25", "C26").contains(c.claim());
            assertThat(c.source().fromGuide()).as(c.id()).isEqualTo(!outside);
            assertThat(c.source().where()).as(c.id()).matches(outside ? "not in the guide pages: .+" : "(AS|DE|INDEX), .+");
        }
    }

    private static final String ONE = """
            claims:
              - id: C3/aiohttp
                claim: C3
                source:
                  page: AS
                  section: Conclusion
                  quote: can significantly improve
                workload: http-hello
                baseline: eventlet-wsgi
                candidate: aiohttp
                metric: throughput
                step: hello-closed-64c
                hypothesis: better
                factor: 1.1
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
        assertThat(c.hypothesis()).isEqualTo(Hypothesis.BETTER);
        assertThat(c.factor()).isEqualTo(1.1);
        assertThat(c.source()).isEqualTo(new ClaimSource("AS", "Conclusion", "can significantly improve", null));
    }

    @Test
    void anUnknownStepNamesItsLineAndTheFullProfilesSteps() throws IOException {
        SpecException e = failure(ONE.replace("hello-closed-64c", "hello-closed-65c"));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.field()).isEqualTo("claims[0].step");
        assertThat(e.getMessage()).contains("claims.yaml:12: claims[0].step: no profile of workload http-hello has "
                + "a step 'hello-closed-65c'").contains("hello-closed-64c");
    }

    @Test
    void anUnknownVariantOrWorkloadOrMetricOrFieldIsRefused() throws IOException {
        assertThat(failure(ONE.replace("candidate: aiohttp", "candidate: aiohtp")).getMessage())
                .contains(":10: claims[0].candidate: workload http-hello has no variant named 'aiohtp'");
        assertThat(failure(ONE.replace("workload: http-hello", "workload: http-helo")).getMessage())
                .contains(":8: claims[0].workload: no workload named 'http-helo'");
        assertThat(failure(ONE.replace("metric: throughput", "metric: thruput")).getMessage())
                .contains(":11: claims[0].metric:").contains("not a metric");
        assertThat(failure(ONE.replace("factor: 1.1", "facter: 1.1")).getMessage())
                .contains(":14: claims[0].facter: unknown field");
        assertThat(failure(ONE.replace("factor: 1.1", "factor: 0.95")).getMessage())
                .contains(":14: claims[0].factor: must be at least 1");
    }

    @Test
    void theHypothesisMustFitTheMetricAndTakeItsOwnBound() throws IOException {
        assertThat(failure(ONE.replace("hypothesis: better", "hypothesis: faster")).getMessage())
                .contains(":13: claims[0].hypothesis: 'faster' is not a hypothesis");
        assertThat(failure(ONE.replace("hypothesis: better", "hypothesis: fewer").replace("factor: 1.1", ""))
                .getMessage()).contains(":13: claims[0].hypothesis: 'fewer' compares counts");
        assertThat(failure(ONE.replace("hypothesis: better", "hypothesis: same")).getMessage())
                .contains(":14: claims[0].factor: only a 'better' claim has a factor");
        assertThat(failure(ONE.replace("hypothesis: better", "hypothesis: same").replace("factor: 1.1", ""))
                .getMessage()).contains(":2: claims[0].margin: required field is missing");
        assertThat(failure(ONE.replace("hypothesis: better", "hypothesis: not-worse")
                .replace("factor: 1.1", "margin: 0")).getMessage()).contains(":14: claims[0].margin: must be above 0");
        assertThat(failure(ONE.replace("metric: throughput", "metric: upstream-connections-per-request")
                .replace("step: hello-closed-64c", "step: n10-d10ms-closed-16c")
                .replace("workload: http-hello", "workload: fan-out").replace("eventlet-wsgi", "eventlet-greenpool-urllib")
                .replace("candidate: aiohttp", "candidate: aiohttp-gather")).getMessage())
                .contains(":13: claims[0].hypothesis: upstream-connections-per-request is a count");
    }

    @Test
    void theSourceNamesAGuidePageOrAnOutsideSource() throws IOException {
        assertThat(failure(ONE.replace("page: AS", "page: XY")).getMessage())
                .contains(":5: claims[0].source.page: 'XY' is not a guide page");
        assertThat(failure(ONE.replace("      section: Conclusion\n", "")).getMessage())
                .contains(":4: claims[0].source.section: required field is missing");
        assertThat(failure(ONE.replace("page: AS", "outside: a blog")).getMessage())
                .contains("claims[0].source.section: unknown field");
        Path file = dir.resolve("claims.yaml");
        Files.writeString(file, ONE.replace("      page: AS\n      section: Conclusion\n      quote: can significantly improve\n",
                "      outside: uvloop's README\n"));
        ClaimSource s = ClaimsLoader.load(file, CATALOG).get(0).source();
        assertThat(s.fromGuide()).isFalse();
        assertThat(s.quote()).isNull();
        assertThat(s.where()).isEqualTo("not in the guide pages: uvloop's README");
    }

    @Test
    void duplicateIdsAndABadIdAreRefused() throws IOException {
        String twice = ONE + ONE.substring(ONE.indexOf("  - id"));
        assertThat(failure(twice).getMessage()).contains("claims[1].id: claim id 'C3/aiohttp' appears twice");
        assertThat(failure(ONE.replace("id: C3/aiohttp", "id: C4/aiohttp")).getMessage())
                .contains(":2: claims[0].id: must be the claim id, a slash and a name");
    }
}
