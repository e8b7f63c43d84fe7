package org.pairbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every workload and suite file shipped in {@code workloads/} parses and is consistent (Hyperfoil's ValidateExampleTest). */
class ShippedSpecsTest {
    private static final WorkloadCatalog CATALOG = new WorkloadCatalog(Path.of("../../workloads"));

    @Test
    void everyWorkloadFileLoads() {
        assertThat(CATALOG.workloadNames()).contains("http-hello");
        for (String name : CATALOG.workloadNames()) {
            Workload w = CATALOG.workload(name, null);
            assertThat(w.variants()).as(name).isNotEmpty();
            assertThat(w.profiles()).as(name).containsKeys("smoke", "quick", "full");
        }
    }

    @Test
    void everySuiteNamesLoadableWorkloadsThatDefineItsProfile() {
        assertThat(CATALOG.suiteNames()).contains("smoke", "quick", "full");
        for (String name : CATALOG.suiteNames()) {
            Suite suite = CATALOG.suite(name);
            for (String workload : suite.workloads()) {
                Workload w = CATALOG.workload(workload, suite.file().getParent());
                assertThat(w.profiles()).as(name + " → " + workload).containsKey(suite.profile());
            }
        }
    }

    /**
     * Every workload's full profile measures an A/A twin, so each workload's verdicts are checked against its own
     * A/A series, never another workload's (issue 12); the twin runs every trial, giving at least 2 pairs.
     */
    @Test
    void everyFullProfileMeasuresAnAaTwinOverAtLeastTwoTrials() {
        for (String name : CATALOG.workloadNames()) {
            LoadProfile full = CATALOG.workload(name, null).profiles().get("full");
            assertThat(full.aaVariant()).as(name + ": full profile's aa").isNotNull();
            assertThat(full.trials()).as(name + ": full profile's trials").isGreaterThanOrEqualTo(2);
        }
    }

    /** The smoke suite is what ./mvnw verify runs (SmokeRunIT): every service must start there (issue 13). */
    @Test
    void theSmokeSuiteRunsEveryWorkload() {
        assertThat(CATALOG.suite("smoke").workloads()).containsExactlyInAnyOrderElementsOf(CATALOG.workloadNames());
    }

    @Test
    void eventletsConnectionCapIsAboveEveryProfilesLargestConnectionCount() {
        Workload w = CATALOG.workload("http-hello", null);
        int maxSize = Integer.parseInt(w.variants().get("eventlet-wsgi").settings().get("max-size"));
        for (LoadProfile p : w.profiles().values()) {
            assertThat(maxSize).as(p.name()).isGreaterThan(p.maxConnections());
        }
    }
}
