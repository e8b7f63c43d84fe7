package org.pairbench.targets.local;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.pairbench.core.result.PortRetry;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.LoopbackPorts;
import org.pairbench.targets.ReadinessProbe;
import org.pairbench.targets.ReadinessWait;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetRuntime;
import org.pairbench.targets.TcpConnectProbe;
import org.pairbench.targets.postgres.LocalPostgres;

/**
 * The {@code local} runtime: each variant runs as a child process of the harness, Python programs in the cached
 * environment of {@link PythonEnvironment}, on a free loopback port, pinned to the target CPUs with
 * {@code taskset} when it is installed, and counted as started once it accepts TCP connections on a socket of its
 * own (a foreign process listening on the port chosen makes it start again on another port, at most
 * {@link #PORT_RETRIES} times: {@link ForeignListener}).
 *
 * <p>No target outlives the harness: each is started through {@link ParentDeath} (SIGKILL from the kernel when
 * the harness dies, even by SIGKILL) and written down in the run's {@link RunRecord}, from which the next run
 * removes whatever still runs ({@link LeftoverSweep}).
 *
 * <p>Threading: {@link #prepare()} and {@link #start} run on the runner's thread, which must
 * outlive the targets it starts (the parent-death signal follows the starting thread). {@link #close()} may come from
 * a shutdown hook at any time: every target is registered in a concurrent set as soon as its process exists, so
 * close() stops it even while start() is still waiting for it to be ready, and cancels a venv build in flight.
 */
public final class LocalProcessRuntime implements TargetRuntime {
    public static final String NAME = "local";
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(30);
    /** Starts made again on another port when a foreign process holds the one chosen, before the variant fails. */
    static final int PORT_RETRIES = 2;

    private final Path targetsDir;
    private final String targetCpus;
    private final Duration readinessTimeout;
    private final PythonEnvironment python;
    private final CpuAffinity affinity;
    private final PortAllocator ports;
    private final ReadinessProbe probe;
    private final ProcFs procFs = ProcFs.system();
    private final ListeningSockets sockets = ListeningSockets.system();
    private final Consumer<String> progress;
    private final Set<LocalTarget> running = ConcurrentHashMap.newKeySet();
    private final RunRecord record;
    private volatile boolean closed;

    /**
     * @param targetsDir       the {@code python-targets/} directory
     * @param targetCpus       CPU list to pin targets to, e.g. "1"; empty: do not pin
     * @param readinessTimeout how long a service may take to accept connections
     * @param progress         receives one-line messages about slow steps (venv creation)
     */
    public LocalProcessRuntime(Path targetsDir, String targetCpus, Duration readinessTimeout,
                               Consumer<String> progress) {
        this(targetsDir, targetCpus, readinessTimeout, progress, RunRecord.none());
    }

    /** @param record where every started process is written down, for the next run to sweep if this one dies */
    public LocalProcessRuntime(Path targetsDir, String targetCpus, Duration readinessTimeout,
                               Consumer<String> progress, RunRecord record) {
        this(targetsDir, targetCpus, readinessTimeout, new PythonEnvironment(targetsDir, System.getenv(), progress),
                new CpuAffinity(), PortAllocator.EPHEMERAL, new TcpConnectProbe(), progress, record);
    }

    public LocalProcessRuntime(Path targetsDir, String targetCpus, Consumer<String> progress) {
        this(targetsDir, targetCpus, DEFAULT_READINESS_TIMEOUT, progress);
    }

    LocalProcessRuntime(Path targetsDir, String targetCpus, Duration readinessTimeout, PythonEnvironment python,
                        CpuAffinity affinity, PortAllocator ports, ReadinessProbe probe, Consumer<String> progress) {
        this(targetsDir, targetCpus, readinessTimeout, python, affinity, ports, probe, progress, RunRecord.none());
    }

    LocalProcessRuntime(Path targetsDir, String targetCpus, Duration readinessTimeout, PythonEnvironment python,
                        CpuAffinity affinity, PortAllocator ports, ReadinessProbe probe, Consumer<String> progress,
                        RunRecord record) {
        this.record = record;
        this.progress = progress;
        this.targetsDir = targetsDir.toAbsolutePath().normalize();
        this.targetCpus = targetCpus == null ? "" : targetCpus.strip();
        this.readinessTimeout = readinessTimeout;
        this.python = python;
        this.affinity = affinity;
        this.ports = ports;
        this.probe = probe;
        if (!this.targetCpus.isEmpty() && !affinity.available()) {
            // not fatal (taskset is optional), but the run must not claim a placement it did not get
            progress.accept("taskset not found (util-linux): targets run unpinned instead of on CPUs "
                    + this.targetCpus);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The CPUs targets are actually pinned to: the requested list, or "" when taskset is missing. */
    public String effectiveTargetCpus() {
        return affinity.available() ? targetCpus : "";
    }

    @Override
    public PythonInfo prepare() throws TargetException {
        return python.prepare();
    }

    /** A throwaway cluster ({@link LocalPostgres}) started with {@code taskset -c CPUS} when taskset is there. */
    @Override
    public DatabaseService startPostgres(Path workDir, String cpus, int maxConnections, Consumer<String> progress)
            throws TargetException {
        List<String> pin = affinity.launchPrefix(cpus);
        List<String> prefix = new ArrayList<>(ParentDeath.prefix()); // dies with the harness, like the targets
        prefix.addAll(pin);
        if (pin.isEmpty() && cpus != null && !cpus.isBlank()) {
            progress.accept("taskset not found (util-linux): PostgreSQL runs unpinned instead of on CPUs "
                    + cpus.strip());
        }
        // tied to the harness and written down in the run's record like the targets
        return LocalPostgres.start(workDir, prefix, maxConnections, progress, record);
    }

    @Override
    public Path localPython() {
        return python.venvPython();
    }

    @Override
    public RunningTarget start(TargetRequest request) throws TargetException {
        return start(request, true);
    }

    @Override
    public RunningTarget startProgram(TargetRequest request) throws TargetException {
        return start(request, false);
    }

    private RunningTarget start(TargetRequest request, boolean service) throws TargetException {
        String label = request.workload() + "/" + request.variant();
        if (closed) {
            throw new TargetException("cannot start " + label + ": the local runtime is closed");
        }
        Objects.requireNonNull(request.logFile(), "logFile");
        InetAddress host = LoopbackPorts.requireLoopback(request.host());
        Path venvPython = null;
        if (LaunchCommand.needsPython(request.launch())) {
            python.prepare();
            venvPython = python.venvPython();
        }
        List<PortRetry> retries = new ArrayList<>();
        int port = ports.allocate(host);
        while (true) {
            LaunchCommand command = LaunchCommand.of(request.launch(), host.getHostAddress(), port, venvPython,
                    targetsDir, request.workloadDir(), launchPrefix(), service);
            // the port came from the kernel a moment ago, or was given: a listener there now would answer our probe
            LoopbackPorts.requireFree(host, port);
            LocalTarget target = spawn(label, command, request, new InetSocketAddress(host, port));
            if (!service) {
                return target;
            }
            try {
                awaitReady(target);
                requireOwnListener(target, host, port);
                target.portRetries(retries);
                return target;
            } catch (ForeignListener foreign) {
                target.stop();
                if (retries.size() == PORT_RETRIES) {
                    throw foreign.afterRetries(retries);
                }
                int next = ports.allocate(host);
                PortRetry retry = new PortRetry(0, port, foreign.holderPid(), next, foreign.getMessage()
                        + ": starting it again on port " + next + " (retry " + (retries.size() + 1) + " of "
                        + PORT_RETRIES + ")");
                progress.accept(retry.reason());
                retries.add(retry);
                port = next;
            } catch (TargetException | RuntimeException e) {
                target.stop();
                throw e;
            }
        }
    }

    private LocalTarget spawn(String label, LaunchCommand command, TargetRequest request, InetSocketAddress address)
            throws TargetException {
        Path log = request.logFile();
        try {
            if (log.toAbsolutePath().getParent() != null) {
                Files.createDirectories(log.toAbsolutePath().getParent());
            }
            long logOffset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder pb = new ProcessBuilder(command.argv())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (command.workingDir() != null) {
                pb.directory(command.workingDir().toFile());
            }
            Map<String, String> env = pb.environment();
            env.put("PYTHONUNBUFFERED", "1"); // start-up errors reach the log even when the process is killed
            env.put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ left in python-targets/
            env.putAll(request.env());
            Process process = pb.start();
            record.process(process.pid(), label);
            LocalTarget target = new LocalTarget(label, process, address, command.argv(), log, logOffset, procFs,
                    progress, t -> {
                        running.remove(t);
                        record.ended(t.pid());
                    });
            running.add(target);
            if (closed) { // close() ran between the check in start() and now: it could not see this target
                target.stop();
                throw new TargetException("cannot start " + label + ": the local runtime is closed");
            }
            return target;
        } catch (IOException e) {
            throw new TargetException("cannot start " + label + " (" + String.join(" ", command.argv()) + "): "
                    + e.getMessage(), null, List.of(), e);
        }
    }

    /** setpriv (dies with the harness), then taskset (pinned); both exec, so the pid is the service's. */
    private List<String> launchPrefix() {
        List<String> prefix = new ArrayList<>(ParentDeath.prefix());
        prefix.addAll(affinity.launchPrefix(targetCpus));
        return prefix;
    }

    private void awaitReady(LocalTarget target) throws TargetException {
        ReadinessWait.await(target, target.label(), probe, readinessTimeout, () -> closed);
    }

    /**
     * The listener that answered the readiness probe must be the target's (its process or a descendant): a
     * foreign process that took the port between the free-port check and the target's bind would otherwise be
     * measured in its place. Told apart by the listening socket's inode ({@link ListeningSockets}); when
     * {@code /proc} shows no listener at all, nothing can be told and the target is taken as ready, as before. A
     * foreign listener makes {@link #start} try another port ({@link #PORT_RETRIES} times).
     */
    private void requireOwnListener(LocalTarget target, InetAddress host, int port) throws ForeignListener {
        Set<Long> listening = sockets.listening(host, port);
        if (listening.isEmpty()) {
            return;
        }
        Set<Long> own = sockets.socketsOf(target.processTree());
        for (long inode : listening) {
            if (!own.contains(inode)) {
                OptionalLong holder = sockets.holderOf(inode);
                throw new ForeignListener(target.label(), port, holder.isPresent() ? holder.getAsLong() : null,
                        target.logTail(ReadinessWait.LOG_LINES));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        python.cancel();
        for (LocalTarget target : List.copyOf(running)) {
            target.stop();
        }
    }
}
