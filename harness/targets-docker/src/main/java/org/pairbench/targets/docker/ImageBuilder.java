package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pairbench.core.result.RunMetadata.PythonInfo;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.local.PythonEnvironment;

/**
 * Builds the images of the docker runtime ({@code ./pairbench images}): the Debian base when it is missing (or a
 * base image given by reference, e.g. an official Python image on a machine with a registry), then the target
 * image from {@code python-targets/Dockerfile}, skipped while an image of the same tag was built from the same
 * base and tools, then the PostgreSQL image of db-pool ({@link PostgresImage}) on the same base, likewise skipped
 * while up to date.
 *
 * <p>The Python packages come from the same {@code requirements.lock} as the local runtime: the host's pip (that
 * of the local runtime's environment, created if needed) downloads the wheels, hashes checked, into the build
 * context, and the Dockerfile installs them with no index. pip and setuptools in the image's environment are set
 * to the local environment's versions, so both runtimes' {@code pip list} read the same.
 *
 * <p>Built through Testcontainers' Docker client rather than {@code ImageFromDockerfile} or the docker CLI:
 * the same engine discovery as the runtime, no CLI or buildx needed, the build's output streamed and its last
 * lines shown on failure (ImageFromDockerfile logs it only at debug level), and no implicit pull of a missing
 * {@code FROM} image (ImageFromDockerfile pre-pulls it).
 *
 * <p>Threading: one build at a time, on the caller's thread.
 */
public final class ImageBuilder {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(30);

    /**
     * What is there after a build.
     *
     * @param baseImage     base image reference
     * @param baseImageId   its id
     * @param targetImage   target image reference, {@code pairbench/python-targets:<hash>}
     * @param targetImageId its id
     * @param built         false when the target image was already up to date
     * @param postgresImage   PostgreSQL image reference, {@code pairbench/postgres:<hash>}
     * @param postgresImageId its id
     * @param postgresBuilt   false when the PostgreSQL image was already up to date
     */
    public record Result(String baseImage, String baseImageId, String targetImage, String targetImageId,
                         boolean built, String postgresImage, String postgresImageId, boolean postgresBuilt) {
    }

    private final Path targetsDir;
    private final Map<String, String> env;
    private final Consumer<String> progress;

    /** @param targetsDir the {@code python-targets/} directory; @param progress receives one-line messages */
    public ImageBuilder(Path targetsDir, Map<String, String> env, Consumer<String> progress) {
        this.targetsDir = targetsDir.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.progress = progress;
    }

    /**
     * @param baseImage   a base image present in the engine, or null for the debootstrap Debian base
     * @param rebuildBase build a new Debian base even if one exists (fresh packages); ignored with a base given
     * @param rebuild     rebuild the target image even if it is up to date
     */
    public Result build(String baseImage, boolean rebuildBase, boolean rebuild) throws TargetException {
        DockerClient client = DockerEngine.connect();
        BaseImage.Found base = baseImage != null ? given(client, baseImage) : debianBase(client, rebuildBase);
        String target;
        BuildContext context;
        try {
            context = BuildContext.of(targetsDir);
            target = Images.targetsImage(context.tag());
        } catch (IOException e) {
            throw new TargetException("cannot read " + targetsDir + ": " + e.getMessage(), null, List.of(), e);
        }
        PythonEnvironment local = new PythonEnvironment(targetsDir, env, progress);
        PythonInfo localInfo = local.prepare();
        VenvTools tools = VenvTools.of(localInfo.packages());
        Map<String, String> labels = Map.of(Images.LABEL_BASE, base.reference(), Images.LABEL_BASE_ID, base.id(),
                Images.LABEL_VENV_TOOLS, tools.requirements());
        Optional<InspectImageResponse> existing = inspect(client, target);
        String id;
        boolean built = rebuild || existing.isEmpty() || !upToDate(existing.get(), labels);
        if (built) {
            progress.accept("Building the target image " + target + " from " + base.reference());
            id = buildTarget(client, context, target, base, tools, labels, local.venvPython());
            progress.accept("Built " + target + " (" + id + ")");
        } else {
            progress.accept("Target image " + target + " is up to date (base " + base.reference() + ")");
            id = existing.get().getId();
        }
        PostgresImage postgres = PostgresImage.load();
        Map<String, String> pgLabels = Map.of(Images.LABEL_BASE, base.reference(), Images.LABEL_BASE_ID, base.id());
        Optional<InspectImageResponse> pgExisting = inspect(client, postgres.reference());
        boolean pgBuilt = rebuild || pgExisting.isEmpty() || !upToDate(pgExisting.get(), pgLabels);
        String pgId;
        if (pgBuilt) {
            progress.accept("Building the PostgreSQL image " + postgres.reference() + " from " + base.reference()
                    + " (Debian's postgresql package, for db-pool)");
            pgId = ImageBuild.run(client, new ByteArrayInputStream(postgres.contextTar()), postgres.reference(),
                    PostgresImage.buildArgs(base.reference()), pgLabels, progress);
            progress.accept("Built " + postgres.reference() + " (" + pgId + ")");
        } else {
            progress.accept("PostgreSQL image " + postgres.reference() + " is up to date");
            pgId = pgExisting.get().getId();
        }
        return new Result(base.reference(), base.id(), target, id, built, postgres.reference(), pgId, pgBuilt);
    }

    private BaseImage.Found debianBase(DockerClient client, boolean rebuild) throws TargetException {
        Optional<BaseImage.Found> newest = rebuild ? Optional.empty() : BaseImage.newest(client);
        if (newest.isPresent()) {
            progress.accept("Base image " + newest.get().reference() + " is there");
            return newest.get();
        }
        return BaseImage.build(client, env, progress);
    }

    private static BaseImage.Found given(DockerClient client, String reference) throws TargetException {
        return inspect(client, reference).map(i -> new BaseImage.Found(reference, i.getId()))
                .orElseThrow(() -> new TargetException("base image " + reference + " is not in the Docker engine: "
                        + "pull it yourself first (nothing is pulled implicitly), or leave --base out to build a "
                        + "Debian base with debootstrap"));
    }

    private static boolean upToDate(InspectImageResponse image, Map<String, String> labels) {
        Map<String, String> has = image.getConfig() == null ? null : image.getConfig().getLabels();
        return has != null && labels.entrySet().stream().allMatch(e -> Objects.equals(has.get(e.getKey()),
                e.getValue()));
    }

    private String buildTarget(DockerClient client, BuildContext context, String target, BaseImage.Found base,
                               VenvTools tools, Map<String, String> labels, Path python) throws TargetException {
        Path work = null;
        try {
            work = Files.createTempDirectory("pairbench-image");
            Path wheels = work.resolve("wheels");
            downloadWheels(python, wheels, tools);
            Path tar = work.resolve("context.tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                context.writeTar(wheels, out);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                return ImageBuild.run(client, in, target, Map.of("BASE_IMAGE", base.reference(), "VENV_TOOLS",
                        tools.requirements(), "VENV_REMOVE", tools.remove()), labels, progress);
            }
        } catch (IOException e) {
            throw new TargetException("cannot prepare the build context: " + e.getMessage(), null, List.of(), e);
        } finally {
            BaseImage.deleteTree(work);
        }
    }

    private void downloadWheels(Path python, Path wheels, VenvTools tools) throws TargetException, IOException {
        progress.accept("Downloading the wheels of " + LockFile.NAME + " for the image with the host's pip");
        Files.createDirectories(wheels.resolve("tools"));
        String arch = WheelDownload.machineArch();
        Path log = wheels.getParent().resolve("pip-download.log");
        HelperProcess.run(WheelDownload.lockCommand(python, targetsDir.resolve(LockFile.NAME), wheels, arch), log,
                DOWNLOAD_TIMEOUT);
        if (!tools.pinned().isEmpty()) {
            HelperProcess.run(WheelDownload.toolsCommand(python, tools.pinned(), wheels.resolve("tools"), arch), log,
                    DOWNLOAD_TIMEOUT);
        }
    }

    private static Optional<InspectImageResponse> inspect(DockerClient client, String reference) {
        try {
            return Optional.of(client.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
