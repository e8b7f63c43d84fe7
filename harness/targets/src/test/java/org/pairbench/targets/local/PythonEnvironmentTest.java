package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

class PythonEnvironmentTest {
    @TempDir
    Path empty;

    @Test
    void noPython3OnPathSaysWhatToDo() {
        assertThatThrownBy(() -> PythonInterpreter.find(Map.of("PATH", empty.toString())))
                .isInstanceOf(TargetException.class)
                .hasMessage("Python 3 not found: install python3 (3.11 or newer) or set PAIRBENCH_PYTHON");
        PythonEnvironment env = new PythonEnvironment(empty, Map.of("PATH", empty.toString()), m -> { });
        assertThatThrownBy(env::prepare).hasMessageStartingWith("Python 3 not found");
    }

    @Test
    void aWrongPairbenchPythonIsNamed() {
        assertThatThrownBy(() -> PythonInterpreter.find(
                Map.of("PATH", empty.toString(), "PAIRBENCH_PYTHON", "/no/such/python")))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("PAIRBENCH_PYTHON=/no/such/python");
    }

    @Test
    void onlyPython3Point11AndNewerAreSupported() {
        assertThat(PythonInterpreter.isSupported("3.11.0")).isTrue();
        assertThat(PythonInterpreter.isSupported("3.13.1")).isTrue();
        assertThat(PythonInterpreter.isSupported("3.10.14")).isFalse();
        assertThat(PythonInterpreter.isSupported("2.7.18")).isFalse();
    }

    @Test
    void aMissingVenvModuleNamesThePackageToInstall() {
        ToolCommand.Result debian = new ToolCommand.Result(1, "The virtual environment was not created "
                + "successfully because ensurepip is not available.  On Debian/Ubuntu systems, you need to install "
                + "the python3-venv package", "");
        assertThat(PythonEnvironment.venvFailure(Path.of("/usr/bin/python3"), debian))
                .contains("apt-get install python3-venv");
        ToolCommand.Result other = new ToolCommand.Result(2, "", "disk full");
        assertThat(PythonEnvironment.venvFailure(Path.of("/usr/bin/python3"), other))
                .isEqualTo("/usr/bin/python3 -m venv failed with exit code 2");
    }

    @Test
    void venvPythonBeforePrepareIsAProgrammingError() {
        PythonEnvironment env = new PythonEnvironment(empty, Map.of(), m -> { });
        assertThatThrownBy(env::venvPython).isInstanceOf(IllegalStateException.class);
    }
}
