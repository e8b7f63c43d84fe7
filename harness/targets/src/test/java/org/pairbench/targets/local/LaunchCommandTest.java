package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.TargetException;

class LaunchCommandTest {
    private static final Path PYTHON = Path.of("/cache/venv-0123456789abcdef/bin/python");
    private static final Path TARGETS = Path.of("/repo/python-targets");
    private static final Path WORKLOAD_DIR = Path.of("/repo/workloads");

    @Test
    void fillsWholeAndPartialPlaceholdersAndLeavesOtherBracesAlone() {
        List<String> filled = Placeholders.fill(
                List.of("--port", "{port}", "--bind={host}:{port}", "{python}", "{targets}/x.py", "{other}"),
                Map.of("{port}", "4321", "{host}", "127.0.0.1", "{python}", "/py", "{targets}", "/t"));
        assertThat(filled).containsExactly("--port", "4321", "--bind=127.0.0.1:4321", "/py", "/t/x.py", "{other}");
    }

    @Test
    void pythonProgramsRunWithTheEnvironmentsInterpreterFromTheTargetsDirectory() throws TargetException {
        TargetLaunch launch = new TargetLaunch.Python(
                List.of("http_hello/aiohttp_server.py", "--host", "{host}", "--port", "{port}", "--backlog", "2048"));
        LaunchCommand c = LaunchCommand.of(launch, "127.0.0.1", 4321, PYTHON, TARGETS, WORKLOAD_DIR, List.of());
        assertThat(c.argv()).containsExactly(PYTHON.toString(), "http_hello/aiohttp_server.py", "--host",
                "127.0.0.1", "--port", "4321", "--backlog", "2048");
        assertThat(c.workingDir()).isEqualTo(TARGETS);
    }

    @Test
    void commandsRunAsWrittenFromTheWorkloadDirectory() throws TargetException {
        TargetLaunch launch = new TargetLaunch.Command(List.of("{python}", "{targets}/serve.py", "{port}"));
        LaunchCommand c = LaunchCommand.of(launch, "127.0.0.1", 80, PYTHON, TARGETS, WORKLOAD_DIR, List.of());
        assertThat(c.argv()).containsExactly(PYTHON.toString(), "/repo/python-targets/serve.py", "80");
        assertThat(c.workingDir()).isEqualTo(WORKLOAD_DIR);
    }

    @Test
    void commandWithoutPythonPlaceholderNeedsNoEnvironment() throws TargetException {
        TargetLaunch launch = new TargetLaunch.Command(List.of("./server", "--port={port}"));
        assertThat(LaunchCommand.needsPython(launch)).isFalse();
        assertThat(LaunchCommand.of(launch, "127.0.0.1", 9, null, TARGETS, WORKLOAD_DIR, List.of()).argv())
                .containsExactly("./server", "--port=9");
    }

    @Test
    void pinningPrefixComesFirst() throws TargetException {
        TargetLaunch launch = new TargetLaunch.Python(List.of("x.py", "{port}"));
        LaunchCommand c = LaunchCommand.of(launch, "127.0.0.1", 5, PYTHON, TARGETS, WORKLOAD_DIR,
                List.of("/usr/bin/taskset", "-c", "1"));
        assertThat(c.argv()).containsExactly("/usr/bin/taskset", "-c", "1", PYTHON.toString(), "x.py", "5");
    }

    @Test
    void launchWithoutPortPlaceholderIsRefused() {
        TargetLaunch launch = new TargetLaunch.Command(List.of("./server", "--port", "8080"));
        assertThatThrownBy(() -> LaunchCommand.of(launch, "127.0.0.1", 5, null, TARGETS, WORKLOAD_DIR, List.of()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("has no {port}");
    }
}
