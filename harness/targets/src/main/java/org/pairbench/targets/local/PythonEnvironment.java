package org.pairbench.targets.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;

/**
 * The pinned Python environment the targets run in: with the interpreter {@link PythonInterpreter} finds, creates a
 * virtual environment from {@code requirements.lock} once, cached by {@link VenvCacheKey} under the pairbench
 * cache directory and reused by later runs while the lock file and the interpreter stay the same.
 *
 * <p>A cached environment counts only once its {@value #MARKER} file exists, written after pip succeeded; one
 * without it (an interrupted build) is deleted and rebuilt. A file lock next to it keeps two concurrent runs
 * from building the same environment.
 *
 * <p>Threading: {@link #prepare()} is synchronized and runs on the runner's thread; {@link #cancel()} may come
 * from a shutdown hook while it runs and kills the helper process in flight.
 */
public final class PythonEnvironment {
    static final String MARKER = ".complete";
    static final String LOCK_FILE = "requirements.lock";
    private static final Duration QUICK = Duration.ofMinutes(2);
    // the first install downloads and unpacks every wheel; a slow mirror can take long, a hung one is killed
    private static final Duration INSTALL = Duration.ofMinutes(30);
    private static final Map<String, String> PIP_ENV = Map.of("PIP_DISABLE_PIP_VERSION_CHECK", "1",
            "PIP_NO_INPUT", "1");

    private final Path targetsDir;
    private final Map<String, String> env;
    private final Consumer<String> progress;
    private volatile Process helper;
    private volatile boolean cancelled;
    private PythonInfo info;
    private Path venvPython;

    /**
     * @param targetsDir the {@code python-targets/} directory, holding {@code requirements.lock}
     * @param env        environment to read {@code PAIRBENCH_PYTHON}, {@code PAIRBENCH_CACHE}, {@code PATH}… from
     * @param progress   receives one-line messages about slow steps
     */
    public PythonEnvironment(Path targetsDir, Map<String, String> env, Consumer<String> progress) {
        this.targetsDir = targetsDir.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.progress = progress;
    }

    /** Creates the environment unless a complete one is cached, and says what it holds. Idempotent. */
    public synchronized PythonInfo prepare() throws TargetException {
        if (info != null) {
            return info;
        }
        PythonInterpreter base = PythonInterpreter.locate(env);
        Path interpreter = base.path();
        String version = base.version();
        Path lockFile = targetsDir.resolve(LOCK_FILE);
        byte[] lock = readLock(lockFile);
        String key = VenvCacheKey.of(lock, version);
        Path venv = VenvCacheKey.cacheRoot(env).resolve(VenvCacheKey.dirName(key));
        ensureVenv(interpreter, venv, key, lockFile);
        venvPython = venv.resolve("bin").resolve("python");
        String relativeLock = targetsDir.getParent() == null ? LOCK_FILE
                : targetsDir.getParent().relativize(lockFile).toString().replace('\\', '/');
        info = new PythonInfo(venvPython.toString(), version, relativeLock, VenvCacheKey.sha256Hex(lock),
                installedPackages());
        return info;
    }

    /** The environment's interpreter; {@link #prepare()} first. */
    public synchronized Path venvPython() {
        if (venvPython == null) {
            throw new IllegalStateException("prepare() the Python environment first");
        }
        return venvPython;
    }

    /** Stops a build in progress (its helper process is killed; the environment stays incomplete). */
    public void cancel() {
        cancelled = true;
        Process p = helper;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    private static byte[] readLock(Path lockFile) throws TargetException {
        try {
            return Files.readAllBytes(lockFile);
        } catch (IOException e) {
            throw new TargetException("cannot read " + lockFile + ": " + e.getMessage(), null, List.of(), e);
        }
    }

    private void ensureVenv(Path interpreter, Path venv, String key, Path lockFile) throws TargetException {
        try {
            Files.createDirectories(venv.getParent());
            // FileChannel locks are held per JVM, not per thread: serialize this JVM's threads first
            synchronized (PythonEnvironment.class) {
                try (FileChannel channel = FileChannel.open(venv.resolveSibling(venv.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = lockWaiting(channel, venv);
                    try {
                        buildUnlessComplete(interpreter, venv, key, lockFile);
                    } finally {
                        lock.release();
                    }
                }
            }
        } catch (IOException e) {
            throw new TargetException("cannot create the Python environment in " + venv + ": " + e.getMessage(),
                    null, List.of(), e);
        }
    }

    private void buildUnlessComplete(Path interpreter, Path venv, String key, Path lockFile)
            throws TargetException, IOException {
        // isExecutable follows the symlink: false when the interpreter it was built from is gone
        if (Files.exists(venv.resolve(MARKER)) && Files.isExecutable(venv.resolve("bin").resolve("python"))) {
            return;
        }
        if (Files.exists(venv)) {
            progress.accept("Removing the incomplete or broken Python environment in " + venv);
            deleteTree(venv);
        }
        build(interpreter, venv, lockFile);
        Files.writeString(venv.resolve(MARKER), key + "\n"); // last: only a finished install counts
    }

    private FileLock lockWaiting(FileChannel channel, Path venv) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        progress.accept("Waiting for another pairbench run to finish building " + venv);
        return channel.lock();
    }

    private void build(Path interpreter, Path venv, Path lockFile) throws TargetException, IOException {
        progress.accept("Creating the Python environment (once per lock file) in " + venv);
        long startNs = System.nanoTime();
        ToolCommand.Result made = runHelper(List.of(interpreter.toString(), "-m", "venv", venv.toString()), QUICK);
        if (made.exitCode() != 0) {
            deleteTree(venv);
            throw new TargetException(venvFailure(interpreter, made), made.exitCode(), made.tail(20), null);
        }
        progress.accept("Installing " + targetsDir.getFileName() + "/" + LOCK_FILE + " with pip");
        Path python = venv.resolve("bin").resolve("python");
        ToolCommand.Result pip = runHelper(List.of(python.toString(), "-m", "pip", "install", "--require-hashes",
                "--no-input", "-r", lockFile.toString()), INSTALL);
        if (pip.exitCode() != 0) {
            List<String> tail = pip.tail(20);
            throw new TargetException("pip install -r " + LOCK_FILE + " failed with exit code " + pip.exitCode()
                    + headline(tail), pip.exitCode(), tail, null);
        }
        progress.accept(String.format(Locale.ROOT, "Python environment ready in %.0f s",
                (System.nanoTime() - startNs) / 1e9));
    }

    /** pip's own summary: its last "ERROR:" line, else its last line. */
    private static String headline(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            if (tail.get(i).startsWith("ERROR:")) {
                return ": " + tail.get(i).strip();
            }
        }
        return tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1).strip();
    }

    /** Names the fix for the common cause: Debian's python3 without its venv/ensurepip package. */
    static String venvFailure(Path interpreter, ToolCommand.Result made) {
        String output = made.stdout() + made.stderr();
        if (output.contains("ensurepip") || output.contains("No module named venv")) {
            return interpreter + " -m venv failed: the venv module or ensurepip is missing. On Debian or Ubuntu "
                    + "install it with: apt-get install python3-venv (or set PAIRBENCH_PYTHON to another Python)";
        }
        return interpreter + " -m venv failed with exit code " + made.exitCode();
    }

    private Map<String, String> installedPackages() throws TargetException {
        ToolCommand.Result r = runHelper(List.of(venvPython.toString(), "-m", "pip", "list", "--format=json"),
                QUICK);
        if (r.exitCode() != 0) {
            throw new TargetException("pip list failed with exit code " + r.exitCode(), r.exitCode(), r.tail(20),
                    null);
        }
        try {
            Map<String, String> packages = new TreeMap<>();
            for (JsonNode p : new ObjectMapper().readTree(r.stdout())) {
                packages.put(p.path("name").asText().toLowerCase(Locale.ROOT), p.path("version").asText());
            }
            return packages;
        } catch (IOException e) {
            throw new TargetException("cannot read the output of pip list: " + e.getMessage(), null, List.of(), e);
        }
    }

    private ToolCommand.Result runHelper(List<String> argv, Duration timeout) throws TargetException {
        if (cancelled) {
            throw new TargetException("preparing the Python environment was cancelled");
        }
        try {
            ToolCommand.Result r = ToolCommand.run(argv, PIP_ENV, timeout, p -> helper = p);
            if (cancelled) {
                throw new TargetException("preparing the Python environment was cancelled");
            }
            return r;
        } finally {
            helper = null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
