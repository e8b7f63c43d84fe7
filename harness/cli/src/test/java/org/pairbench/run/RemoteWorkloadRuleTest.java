package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.spec.WorkloadLoader;

/** Over the shipped workloads: which a remote engine could never take, and the reasons it gives. */
class RemoteWorkloadRuleTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    private static List<Workload> shipped() {
        WorkloadCatalog catalog = new WorkloadCatalog(PROJECT.resolve("workloads"));
        return catalog.workloadNames().stream().sorted().map(name -> catalog.workload(name, PROJECT)).toList();
    }

    @Test
    void workloadsThatNeedThisMachineAreRefusedWithTheirReason() {
        Map<String, String> refused = RemoteWorkloadRule.refusals(shipped(), "10.0.0.5");
        assertThat(refused.keySet()).containsExactly("db-pool", "eventlet-hubs-fanout", "fan-out", "migration-path",
                "tcp-echo", "websocket-echo", "websocket-echo-deflate");
        assertThat(refused.get("fan-out")).isEqualTo("its variants call an upstream server the harness runs on this "
                + "machine's loopback, which targets on 10.0.0.5 cannot reach");
        assertThat(refused.get("migration-path")).isEqualTo(refused.get("fan-out"));
        assertThat(refused.get("db-pool")).isEqualTo("its postgres server would run on 10.0.0.5, where the harness "
                + "checks its readiness on 127.0.0.1 of this machine");
        assertThat(refused.get("tcp-echo")).endsWith("run as a local process on this machine: its pair would be "
                + "measured on two machines");
        // a workload of plain Python services is not refused
        assertThat(RemoteWorkloadRule.refusal(WorkloadLoader.load(PROJECT.resolve("workloads/http-hello.yaml")),
                "10.0.0.5")).isEmpty();
    }

    @Test
    void aRemoteRunIsRefusedNamingTheWorkloadsAnEngineThereCouldNeverTake() throws Exception {
        List<Workload> two = List.of(WorkloadLoader.load(PROJECT.resolve("workloads/http-hello.yaml")),
                WorkloadLoader.load(PROJECT.resolve("workloads/fan-out.yaml")));
        assertThatThrownBy(() -> TargetRuntimes.requireSupportedEngine("docker", "tcp://10.0.0.5:2376", "10.0.0.5",
                two)).hasMessageContaining("not supported yet")
                .hasMessageContaining("; and of this run, fan-out never could: its variants call an upstream server")
                .hasMessageNotContaining("http-hello").hasMessageNotContaining("\n");
    }
}
