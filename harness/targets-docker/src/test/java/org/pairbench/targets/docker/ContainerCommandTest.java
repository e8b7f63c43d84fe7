package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.TargetException;

class ContainerCommandTest {
    @Test
    void aPythonProgramRunsWithTheImagesInterpreterInItsCopyOfPythonTargets() throws TargetException {
        ContainerCommand c = ContainerCommand.of("w/v", new TargetLaunch.Python(List.of(
                "http_hello/aiohttp_server.py", "--host", "{host}", "--port", "{port}", "--data", "{targets}/x",
                "--bind={host}:{port}")), "127.0.0.1", 40123);
        assertThat(c.argv()).containsExactly("/opt/pairbench/venv/bin/python", "http_hello/aiohttp_server.py",
                "--host", "127.0.0.1", "--port", "40123", "--data", "/opt/pairbench/python-targets/x",
                "--bind=127.0.0.1:40123");
        assertThat(c.workingDir()).isEqualTo("/opt/pairbench/python-targets");
    }

    @Test
    void unknownBracesAreLeftAlone() throws TargetException {
        ContainerCommand c = ContainerCommand.of("w/v", new TargetLaunch.Python(List.of("-c", "d = {}",
                "{port}")), "127.0.0.1", 1);
        assertThat(c.argv()).containsExactly("/opt/pairbench/venv/bin/python", "-c", "d = {}", "1");
    }

    @Test
    void commandVariantsHaveNoContainerCommand() {
        assertThatThrownBy(() -> ContainerCommand.of("mine/stub", new TargetLaunch.Command(List.of("./server",
                "{port}")), "127.0.0.1", 1)).isInstanceOf(TargetException.class)
                .hasMessageContaining("mine/stub").hasMessageContaining("runs it as a local process");
    }

    @Test
    void aLaunchWithoutThePortIsRefused() {
        assertThatThrownBy(() -> ContainerCommand.of("w/v", new TargetLaunch.Python(List.of("x.py")), "127.0.0.1",
                1)).hasMessageContaining("{port}");
    }

    @Test
    void theDockerRunLineSaysWhereAndHowItRan() throws TargetException {
        ContainerCommand c = ContainerCommand.of("w/v", new TargetLaunch.Python(List.of("x.py", "{port}")),
                "127.0.0.1", 7);
        assertThat(TargetContainer.dockerRunLine("img:1", "1", 2L << 30, c)).containsExactly("docker", "run",
                "--rm", "--network", "host", "--init", "--cpuset-cpus", "1", "--memory", "2147483648", "--workdir",
                "/opt/pairbench/python-targets", "img:1", "/opt/pairbench/venv/bin/python", "x.py", "7");
        assertThat(TargetContainer.dockerRunLine("img:1", "", 1, c)).doesNotContain("--cpuset-cpus");
    }
}
