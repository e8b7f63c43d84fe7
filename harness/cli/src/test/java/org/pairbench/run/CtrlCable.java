package org.pairbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line that can be stopped with SIGINT as Ctrl-C stops it, even when this test JVM inherited SIGINT as
 * ignored: a shell without job control starts background commands (`./mvnw verify &`, a CI step run in the
 * background) with SIGINT ignored, every child inherits that, and a JVM that starts with SIGINT ignored installs
 * no handler for it, so a test's `kill -INT` would do nothing. The command is then started through a one-line
 * Python exec that puts SIGINT back to its default first (the same pid: exec does not fork).
 */
final class CtrlCable {
    private CtrlCable() {
    }

    static List<String> command(List<String> argv) {
        if (!sigintIgnored()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                        + "os.execvp(sys.argv[1], sys.argv[1:])"));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Whether SIGINT (signal 2) is in this process's ignored set ({@code SigIgn} of /proc/self/status). */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (2 - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
