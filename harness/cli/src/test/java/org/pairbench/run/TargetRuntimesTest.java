package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetRuntimesTest {
    @Test
    void theDockerRuntimeTakesAnEngineOnThisMachineOnly() {
        for (String local : new String[] {null, "unix:///var/run/docker.sock", "tcp://127.0.0.1:2375"}) {
            assertThatCode(() -> TargetRuntimes.requireLocalEngine(local)).as(local).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> TargetRuntimes.requireLocalEngine("tcp://10.0.0.5:2376"))
                .hasMessageStartingWith("DOCKER_HOST=tcp://10.0.0.5:2376 is an engine on another machine")
                .hasMessageContaining("'10.0.0.5' is not a loopback address");
    }
}
