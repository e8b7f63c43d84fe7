package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.LoopbackPorts;
import org.pairbench.targets.ReadinessWait;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.TcpConnectProbe;
import org.pairbench.targets.TargetRequest;
import org.pairbench.targets.TargetRuntime;
import org.pairbench.targets.local.LocalProcessRuntime;
import org.pairbench.targets.local.RunRecord;

/**
 * The {@code docker} runtime: each variant start is a new container of the target image
 * ({@code pairbench/python-targets:<hash>}, built by {@code ./pairbench images}, never pulled), configured by
 * {@link TargetContainer}: host networking, cpuset on the target CPUs, a memory limit (default
 * {@value #DEFAULT_MEMORY_GIB} GiB), labels naming the run and this harness process. A start counts once the
 * service accepts TCP connections on 127.0.0.1, probed from Java; its output goes to the request's log file;
 * resource figures come from the container's cgroup ({@link CgroupFiles}). Containers are removed when a variant
 * stops, when its start fails, and on {@link #close()}; {@link #create} first removes what a killed run left.
 *
 * <p>Two things do not run in the target image. The PostgreSQL server of db-pool runs in a container of its own
 * image ({@link ContainerPostgres}, {@code pairbench/postgres:<hash>}), placed and labelled like a target.
 * {@link TargetLaunch.Command} variants (arbitrary host command lines, such as the harness's own Netty
 * references) run as local processes through a {@link LocalProcessRuntime}, pinned like local targets: the image
 * cannot be assumed to hold their programs, and mounting the host's files into it would measure something else.
 * {@link #runtimeFor} says so, and the runner records it with the variant.
 *
 * <p>Threading: {@link #prepare()} and {@link #start} run on the runner's thread. {@link #close()} may come from
 * a shutdown hook at any time: a container is registered as soon as it exists (before it starts), so close()
 * removes it even while start() is still waiting for it, and a start that races with close() is refused.
 */
public final class DockerRuntime implements TargetRuntime {
    private static final TcpConnectProbe PROBE = new TcpConnectProbe();
    public static final String NAME = "docker";
    public static final int DEFAULT_MEMORY_GIB = 2;
    public static final long DEFAULT_MEMORY_BYTES = (long) DEFAULT_MEMORY_GIB << 30;
    private static final int START_FAILURE_LOG_LINES = 20;

    private final DockerClient client;
    private final Path targetsDir;
    private final String image;
    private final String targetCpus;
    private final long memoryBytes;
    private final Duration readinessTimeout = LocalProcessRuntime.DEFAULT_READINESS_TIMEOUT;
    private final String runId;
    private final ContainerLabels.Owner owner = ContainerLabels.Owner.current();
    private final Set<ContainerTarget> running = ConcurrentHashMap.newKeySet();
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    private final Map<String, String> imageIds = new LinkedHashMap<>();
    private final String postgresImage;
    private final Set<ContainerPostgres> databases = ConcurrentHashMap.newKeySet();
    private final Consumer<String> progress;
    private final Object localLock = new Object();
    private volatile LocalProcessRuntime local; // created under localLock at the first command variant
    private volatile boolean closed;
    private PythonInfo info;
    private volatile RunRecord record = RunRecord.none();
    private final String engine = DockerEngine.reachedAt();
    private final String engineName;

    private DockerRuntime(DockerClient client, Path targetsDir, String image, String targetCpus, long memoryBytes,
                          String runId, Consumer<String> progress) {
        this.client = client;
        this.engineName = DockerEngine.machineName(client);
        this.postgresImage = PostgresImage.load().reference();
        this.progress = progress;
        this.targetsDir = targetsDir;
        this.image = image;
        this.targetCpus = targetCpus == null ? "" : targetCpus.strip();
        this.memoryBytes = memoryBytes;
        this.runId = runId;
    }

    /**
     * Connects to the engine, names the image for the current {@code python-targets/}, and removes containers
     * that an earlier, killed run left (saying so through {@code progress}).
     *
     * @param targetCpus  cpuset of every target, e.g. "1"; empty: not pinned
     * @param memoryBytes memory limit of every target container
     * @param runId       the results directory's name, put on every container as a label
     * @throws TargetException when no engine is reachable (the message names {@code --runtime local})
     */
    public static DockerRuntime create(Path targetsDir, String targetCpus, long memoryBytes, String runId,
                                       Consumer<String> progress) throws TargetException {
        DockerClient client = DockerEngine.connect();
        Path dir = targetsDir.toAbsolutePath().normalize();
        String tag;
        try {
            tag = BuildContext.of(dir).tag();
        } catch (IOException e) {
            throw new TargetException("cannot read " + dir + ": " + e.getMessage(), null, List.of(), e);
        }
        LeftoverSweeper.sweepLeftovers(client).ifPresent(progress);
        return new DockerRuntime(client, dir, Images.targetsImage(tag), targetCpus, memoryBytes, runId, progress);
    }

    /**
     * Where command variants' local processes are written down, for the next run to sweep if this one dies
     * (containers are swept by their labels). Call before the first start.
     */
    public DockerRuntime recordingIn(RunRecord record) {
        this.record = record;
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The target image this runtime runs, e.g. {@code pairbench/python-targets:0123456789abcdef}. */
    public String image() {
        return image;
    }

    /**
     * The ids of the images the targets ran in, known after {@link #prepare()}: {@code targets} (the target
     * image) and {@code base} (the image it was built from), each as "reference@id".
     */
    public synchronized Map<String, String> imageIds() {
        return Map.copyOf(imageIds);
    }

    /** The PostgreSQL image db-pool's server runs in, e.g. {@code pairbench/postgres:0123456789abcdef}. */
    public String postgresImage() {
        return postgresImage;
    }

    /**
     * The target image as {@link #prepare()} found it, the PostgreSQL image with its id when it is built (it is
     * needed only by db-pool, so its absence is no error here), and the engine that ran them.
     */
    @Override
    public synchronized RunMetadata.ContainerInfo containerInfo() {
        String targets = imageIds.get("targets");
        String base = imageIds.get("base");
        String postgresId = inspect(postgresImage).map(InspectImageResponse::getId).orElse(null);
        return targets == null ? null : new RunMetadata.ContainerInfo(image, idOf(targets), base == null ? null
                : base.substring(0, base.lastIndexOf('@')), base == null ? null : idOf(base), memoryBytes, "host",
                postgresId == null ? null : postgresImage, postgresId, engine, engineName);
    }

    private java.util.Optional<InspectImageResponse> inspect(String reference) {
        try {
            return java.util.Optional.of(client.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // the engine went away: the start that needs it will say so
        }
    }

    private static String idOf(String referenceAtId) {
        return referenceAtId.substring(referenceAtId.lastIndexOf('@') + 1);
    }

    /** Checks the target image is there and reads its Python version and packages. Idempotent. */
    @Override
    public synchronized PythonInfo prepare() throws TargetException {
        if (info != null) {
            return info;
        }
        var inspected = requireImage();
        Map<String, String> labels = inspected.getConfig() == null || inspected.getConfig().getLabels() == null
                ? Map.of() : inspected.getConfig().getLabels();
        imageIds.put("targets", image + "@" + inspected.getId());
        if (labels.containsKey(Images.LABEL_BASE)) {
            imageIds.put("base", labels.get(Images.LABEL_BASE) + "@" + labels.getOrDefault(Images.LABEL_BASE_ID, "?"));
        }
        ImageProbe.Found found = ImageProbe.read(image, ContainerLabels.of(runId, owner, null));
        LockFile lock = LockFile.read(targetsDir);
        info = new PythonInfo(Images.PYTHON, found.version(), lock.relativePath(), lock.sha256(), found.packages());
        return info;
    }

    private InspectImageResponse requireImage() throws TargetException {
        try {
            return client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new TargetException("the target image " + image + " is not built (python-targets/ changed, or "
                    + "this is the first docker run): build it with ./pairbench images");
        } catch (RuntimeException e) {
            throw new TargetException("cannot inspect image " + image + ": " + DockerEngine.rootMessage(e), null,
                    List.of(), e);
        }
    }

    /** {@code local} for command variants (they run as local processes, see the class comment), else docker. */
    @Override
    public String runtimeFor(TargetLaunch launch) {
        return launch instanceof TargetLaunch.Command ? LocalProcessRuntime.NAME : NAME;
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
        requireOpen(label);
        if (request.launch() instanceof TargetLaunch.Command) {
            return service ? localRuntime().start(request) : localRuntime().startProgram(request);
        }
        InetAddress host = LoopbackPorts.requireLoopback(request.host());
        int port = LoopbackPorts.freePort(host);
        ContainerCommand command = ContainerCommand.of(label, request.launch(), host.getHostAddress(), port,
                service);
        prepare();
        ContainerLog log;
        try {
            log = new ContainerLog(request.logFile());
        } catch (IOException e) {
            throw new TargetException("cannot write " + request.logFile() + ": " + e.getMessage(), null, List.of(),
                    e);
        }
        TargetContainer container = new TargetContainer(image, this::created)
                .withPlacement(targetCpus, memoryBytes, HostLimits.openFiles())
                .withCommandLine(command.argv(), command.workingDir(), request.env(),
                        ContainerLabels.of(runId, owner, request.variant()))
                .withLogConsumer(log);
        try {
            container.start();
        } catch (RuntimeException e) {
            log.close();
            if (closed) {
                throw new TargetException(label + " was stopped while starting: the runtime closed");
            }
            throw new TargetException("cannot start the container of " + label + ": "
                    + DockerEngine.rootMessage(e), null, log.tail(START_FAILURE_LOG_LINES), e);
        }
        ContainerTarget target = new ContainerTarget(label, container, client, new InetSocketAddress(host, port),
                TargetContainer.dockerRunLine(image, targetCpus, memoryBytes, command), log,
                CgroupLocator.forPid(pidOf(container.getContainerId())), running::remove);
        running.add(target);
        starting.remove(target.containerId());
        if (!service) {
            return target;
        }
        try {
            requireOpen(label);
            ReadinessWait.await(target, target.label(), PROBE, readinessTimeout, () -> closed);
            return target;
        } catch (TargetException | RuntimeException e) {
            target.stop();
            throw e;
        }
    }

    /** Not under {@code this}: close() from a shutdown hook must not wait for a prepare() in progress. */
    private LocalProcessRuntime localRuntime() throws TargetException {
        synchronized (localLock) {
            if (local == null) {
                local = new LocalProcessRuntime(targetsDir, targetCpus, readinessTimeout, progress, record);
            }
        }
        if (closed) { // close() may have run before local was set: it could not close it
            local.close();
            throw new TargetException("cannot start a local process: the docker runtime is closed");
        }
        return local;
    }

    /**
     * Starts db-pool's server in a container of {@link #postgresImage()} (see {@link ContainerPostgres}), on the
     * target CPUs given, with the run's labels; its output goes to a file in {@code workDir}.
     *
     * @throws TargetException the image is not built (the message says to run {@code ./pairbench images}), or the
     *                         server did not start; no container is left then
     */
    @Override
    public DatabaseService startPostgres(Path workDir, String cpus, int maxConnections, Consumer<String> progress)
            throws TargetException {
        requireOpen("PostgreSQL");
        if (inspect(postgresImage).isEmpty()) {
            throw new TargetException("the PostgreSQL image " + postgresImage + " is not built (db-pool needs it "
                    + "with --runtime docker): build it with ./pairbench images");
        }
        String pin = cpus == null ? "" : cpus.strip();
        ContainerPostgres.Placement placement = new ContainerPostgres.Placement(pin, memoryBytes,
                ContainerLabels.of(runId, owner, "postgres"), this::created);
        Path log;
        try {
            log = Files.createTempFile(workDir, "pairbench-postgres-", ".log"); // deleted when the server stops
        } catch (IOException e) {
            throw new TargetException("cannot create the PostgreSQL log in " + workDir + ": " + e.getMessage(),
                    null, List.of(), e);
        }
        record.directory(log);
        ContainerPostgres db = ContainerPostgres.start(postgresImage, placement, maxConnections, log);
        databases.add(db);
        starting.remove(db.containerId());
        if (closed) { // close() ran while the server started: it may not have seen this container
            db.close();
            throw new TargetException("PostgreSQL was stopped while starting: the docker runtime closed");
        }
        progress.accept("PostgreSQL " + db.version() + " runs in a container of " + postgresImage + " on "
                + db.host() + ":" + db.port() + (pin.isEmpty() ? ", not pinned" : ", CPUs " + pin));
        return db;
    }

    /** Called by Testcontainers once the container exists: from then on close() can remove it. */
    private void created(String containerId) {
        starting.add(containerId);
        if (closed) {
            throw new IllegalStateException("the docker runtime is closed"); // Testcontainers removes it
        }
    }

    private void requireOpen(String label) throws TargetException {
        if (closed) {
            throw new TargetException("cannot start " + label + ": the docker runtime is closed");
        }
    }

    /** The container's first process as this host sees it; -1 when unknown (then no resource figures). */
    private long pidOf(String containerId) {
        try {
            Long pid = client.inspectContainerCmd(containerId).exec().getState().getPidLong();
            return pid == null ? -1 : pid;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Stops and removes every container of this runtime, then any other of this process found by label. */
    @Override
    public void close() {
        closed = true;
        for (ContainerTarget target : List.copyOf(running)) {
            target.stop();
        }
        for (ContainerPostgres db : List.copyOf(databases)) {
            db.close();
        }
        LocalProcessRuntime fallback = local;
        if (fallback != null) {
            fallback.close();
        }
        for (String id : List.copyOf(starting)) {
            try {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException alreadyGone) {
                // removed by the failed start
            }
        }
        try {
            LeftoverSweeper.sweepOwn(client, ContainerLabels.of(runId, owner, null));
        } catch (RuntimeException e) {
            // the engine went away: the next run sweeps by label
        }
    }
}
