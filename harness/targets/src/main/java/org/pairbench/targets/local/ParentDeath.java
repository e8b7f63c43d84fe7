package org.pairbench.targets.local;

import java.util.List;
import java.util.Optional;
import java.nio.file.Path;

/**
 * The launcher that ties a child process's life to the harness: {@code setpriv --pdeathsig KILL --} (util-linux
 * 2.33+), which asks the kernel ({@code PR_SET_PDEATHSIG}) to send the child SIGKILL the moment its parent dies,
 * then execs the program, so the pid the harness started is the service's own. A harness killed with SIGKILL
 * (no shutdown hook runs then) thus takes its targets and its PostgreSQL server with it; what still escapes (a
 * target's own children, or a machine without setpriv) is removed by the next run from its {@link RunRecord}.
 *
 * <p>The kernel sends the signal when the <em>thread</em> that started the child ends, not the process: targets
 * must be started from a thread that outlives them (the runner's thread does). The setting survives the
 * {@code setpriv --reuid} that runs PostgreSQL as another account when it is given in the same setpriv call after
 * the switch, which setpriv does. Stateless; any thread.
 */
public final class ParentDeath {
    private static final Optional<Path> SETPRIV = Executables.onPath("setpriv");

    private ParentDeath() {
    }

    /** Whether children can be tied to the harness (setpriv is installed). */
    public static boolean available() {
        return SETPRIV.isPresent();
    }

    /** What goes in front of a command to tie it to the harness: setpriv's options, or nothing without it. */
    public static List<String> prefix() {
        return SETPRIV.map(p -> List.of(p.toString(), "--pdeathsig", "KILL", "--")).orElse(List.of());
    }
}
