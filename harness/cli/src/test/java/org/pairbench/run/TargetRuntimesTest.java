package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRuntimesTest {
    @Test
    void theDockerRuntimeTakesAnEngineOnThisMachineOnly() {
        for (String local : new String[] {null, "unix:///var/run/docker.sock", "tcp://127.0.0.1:2375"}) {
            assertThatCode(() -> TargetRuntimes.requireSupportedEngine("docker", local, null, List.of())).as(local)
                    .doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> TargetRuntimes.requireSupportedEngine("docker", "tcp://10.0.0.5:2376", null,
                List.of()))
                .hasMessageStartingWith("DOCKER_HOST=tcp://10.0.0.5:2376 is an engine on another machine")
                .hasMessageEndingWith("--allow-remote-target 10.0.0.5");
        // allowed by the rule, then refused before anything starts: the runtime cannot reach remote targets yet
        assertThatThrownBy(() -> TargetRuntimes.requireSupportedEngine("docker", "tcp://10.0.0.5:2376", "10.0.0.5",
                List.of()))
                .hasMessageStartingWith("targets on the remote engine at 10.0.0.5 (DOCKER_HOST=tcp://10.0.0.5:2376)"
                        + ": not supported yet")
                .hasMessageNotContaining("\n");
    }
}
