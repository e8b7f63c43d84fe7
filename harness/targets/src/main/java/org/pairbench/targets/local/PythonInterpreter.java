package org.pairbench.targets.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * The Python 3 the environment is built from: {@code PAIRBENCH_PYTHON} when set, else {@code python3} on the
 * PATH, refused when older than 3.{@value #MIN_MINOR}. Immutable.
 *
 * @param path    the interpreter as found (may be a launcher such as a pyenv shim)
 * @param version its {@code major.minor.micro} version
 */
record PythonInterpreter(Path path, String version) {
    // the lock file is resolved for CPython 3.11 (below it, aiohttp needs async-timeout, which the lock lacks)
    static final int MIN_MINOR = 11;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Finds and checks the interpreter named by {@code env} ({@code PAIRBENCH_PYTHON}, {@code PATH}). */
    static PythonInterpreter locate(Map<String, String> env) throws TargetException {
        Path path = find(env);
        return new PythonInterpreter(path, version(path));
    }

    static Path find(Map<String, String> env) throws TargetException {
        String explicit = env.get("PAIRBENCH_PYTHON");
        if (explicit != null && !explicit.isBlank()) {
            return Executables.find(explicit, env.get("PATH")).orElseThrow(() -> new TargetException(
                    "PAIRBENCH_PYTHON=" + explicit + " is not an executable file or a program on PATH"));
        }
        return Executables.find("python3", env.get("PATH")).orElseThrow(() -> new TargetException(
                "Python 3 not found: install python3 (3." + MIN_MINOR + " or newer) or set PAIRBENCH_PYTHON"));
    }

    private static String version(Path interpreter) throws TargetException {
        ToolCommand.Result r = ToolCommand.run(List.of(interpreter.toString(), "-c",
                "import sys; print('.'.join(map(str, sys.version_info[:3])))"), TIMEOUT);
        String version = r.stdout().strip();
        if (r.exitCode() != 0 || !version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new TargetException(interpreter + " does not run as Python (exit code " + r.exitCode()
                    + "): set PAIRBENCH_PYTHON to a Python 3 interpreter", r.exitCode(), r.tail(20), null);
        }
        if (!isSupported(version)) {
            throw new TargetException("Python " + version + " at " + interpreter + " is too old: install Python 3."
                    + MIN_MINOR + " or newer or set PAIRBENCH_PYTHON");
        }
        return version;
    }

    static boolean isSupported(String version) {
        String[] parts = version.split("\\.");
        return Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= MIN_MINOR;
    }
}
