package org.pairbench.cli;

import java.util.concurrent.Callable;
import org.pairbench.targets.docker.ImageBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pairbench images}: builds the images {@code --runtime docker} runs, with no registry needed. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Builds the images of the docker runtime (run --runtime docker): a Debian base image made "
                + "with debootstrap from this machine's Debian mirror when it is missing (needs root and "
                + "debootstrap; about 30 s, once), then the target image from python-targets/Dockerfile, with the "
                + "Python packages of python-targets/requirements.lock downloaded by the host's pip. The target "
                + "image is tagged with a hash of python-targets/ and rebuilt only when that changes. Then the "
                + "PostgreSQL image db-pool's server runs in (Debian's postgresql package on the same base), "
                + "rebuilt only when its Dockerfile or the base changes.",
            "Nothing is pulled: with --base, the base image must already be in the engine."})
final class ImagesCommand implements Callable<Integer> {
    @Option(names = "--base", paramLabel = "IMAGE",
            description = "Build on this image instead of the Debian base, e.g. an official Python 3.11 image on "
                    + "a machine with a registry (pull it first).")
    String base;

    @Option(names = "--rebuild-base", description = "Build a new Debian base (today's packages) even if one exists.")
    boolean rebuildBase;

    @Option(names = "--rebuild", description = "Rebuild the target and PostgreSQL images even if up to date.")
    boolean rebuild;

    @Override
    public Integer call() throws Exception {
        ImageBuilder builder = new ImageBuilder(ProjectDir.get().resolve("python-targets"), System.getenv(),
                System.err::println);
        ImageBuilder.Result r = builder.build(base, rebuildBase, rebuild);
        System.out.println("Base image:   " + r.baseImage() + " (" + r.baseImageId() + ")");
        System.out.println("Target image: " + r.targetImage() + " (" + r.targetImageId() + ")"
                + (r.built() ? "" : ", already up to date"));
        System.out.println("PostgreSQL:   " + r.postgresImage() + " (" + r.postgresImageId() + ")"
                + (r.postgresBuilt() ? "" : ", already up to date"));
        System.out.println("Run with: ./pairbench run --runtime docker");
        return 0;
    }
}
