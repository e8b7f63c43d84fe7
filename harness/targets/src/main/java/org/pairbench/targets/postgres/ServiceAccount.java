package org.pairbench.targets.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * The account {@code initdb} and {@code postgres} run as. PostgreSQL refuses to run as root ("cannot be run as
 * root"), so when the harness is root (CI is) they run as an unprivileged account: {@code PAIRBENCH_PG_USER} if
 * set, else {@code postgres}, the system account Debian's postgresql package creates. No account is ever created.
 * The switch is {@code setpriv --reuid=UID --regid=GID --init-groups --} (util-linux), which replaces itself with
 * the program: the process the harness starts is the server itself, with no wrapper in between to forward
 * signals. The cluster's directory is handed to that account ({@code chown}, mode 0700). When the harness is not
 * root, the programs run as the harness's own user, unchanged. Immutable; any thread.
 */
final class ServiceAccount {
    static final String ENV_USER = "PAIRBENCH_PG_USER";
    static final String DEFAULT_USER = "postgres";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);

    private final String user;   // null: the harness's own user
    private final String uid;
    private final String gid;
    private final Path setpriv;

    private ServiceAccount(String user, String uid, String gid, Path setpriv) {
        this.user = user;
        this.uid = uid;
        this.gid = gid;
        this.setpriv = setpriv;
    }

    /** The harness's own user: nothing switches. */
    static ServiceAccount self() {
        return new ServiceAccount(null, null, null, null);
    }

    /** Root: the account named above; not root: {@link #self()}. */
    static ServiceAccount forThisProcess(Map<String, String> env) throws TargetException {
        if (!runningAsRoot()) {
            return self();
        }
        String named = env.get(ENV_USER);
        String name = named == null || named.isBlank() ? DEFAULT_USER : named.strip();
        Optional<String> uid = id(name, "-u");
        Optional<String> gid = id(name, "-g");
        if (uid.isEmpty() || gid.isEmpty()) {
            throw new TargetException("PostgreSQL refuses to run as root and there is no '" + name + "' account"
                    + " to run it as: install Debian's postgresql package (it creates one), or set " + ENV_USER
                    + " to an existing unprivileged account");
        }
        if (uid.get().equals("0")) {
            throw new TargetException(ENV_USER + "=" + name + " is root: PostgreSQL needs an unprivileged account");
        }
        Path setpriv = PostgresBinaries.findOnPath("setpriv", env.get("PATH")).orElseThrow(() -> new TargetException(
                "setpriv not found: install util-linux (needed to run PostgreSQL as '" + name + "' when root)"));
        return new ServiceAccount(name, uid.get(), gid.get(), setpriv);
    }

    /** Whether the programs run as another account than the harness's. */
    boolean switches() {
        return user != null;
    }

    /** The account name, or empty when the harness's own user runs them. */
    Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * What goes in front of the server's command: run as this account and tied to the harness again
     * ({@code --pdeathsig KILL}, in the same setpriv call: the kernel clears the setting when the uid changes, so
     * the local runtime's own setpriv in front cannot carry it over); without a switch, nothing.
     */
    List<String> serverLauncher() {
        if (!switches()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(prefix().subList(0, prefix().size() - 1));
        argv.addAll(List.of("--pdeathsig", "KILL"));
        argv.add("--");
        return argv;
    }

    /** What goes in front of a command to run it as this account. */
    List<String> prefix() {
        if (!switches()) {
            return List.of();
        }
        return List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--");
    }

    /** Makes {@code dir} private to this account (owner, mode 0700). */
    void own(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (!switches()) {
            return;
        }
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(user));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(gid); // a numeric name is taken as the gid
        view.setGroup(group);
    }

    /**
     * Whether this account can create files in {@code dir}: every directory above it must be searchable by it
     * (a work directory under {@code /root}, mode 0700, is not).
     */
    boolean canWrite(Path dir) throws TargetException {
        if (!switches()) {
            return Files.isWritable(dir);
        }
        List<String> argv = new ArrayList<>(prefix());
        argv.addAll(List.of("test", "-w", dir.toString(), "-a", "-x", dir.toString()));
        return PgTool.run(argv, Map.of(), TOOL_TIMEOUT).exitCode() == 0;
    }

    static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the process's effective uid
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Optional<String> id(String name, String flag) throws TargetException {
        ToolCommand.Result r = PgTool.run(List.of("id", flag, name), Map.of(), TOOL_TIMEOUT);
        String out = r.stdout().strip();
        return r.exitCode() == 0 && out.matches("\\d+") ? Optional.of(out) : Optional.empty();
    }

    @Override
    public String toString() {
        return switches() ? user + " (uid " + uid + ")" : "the harness's user";
    }
}
