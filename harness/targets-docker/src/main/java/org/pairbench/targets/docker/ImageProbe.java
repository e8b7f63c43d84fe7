package org.pairbench.targets.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pairbench.targets.TargetException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * Reads what the target image runs with: its Python version and the exact installed packages
 * ({@code pip list --format=json}), from a short-lived container of the image with no network. The package names
 * are lower-cased as the local runtime records them, so both runtimes' run.json compare key by key.
 *
 * <p>Stateless; called on the runner's thread.
 */
final class ImageProbe {
    /** Prints the version on the first line, then pip's JSON. */
    static final String SCRIPT = "import platform, subprocess, sys\n"
            + "print(platform.python_version(), flush=True)\n"
            + "subprocess.run([sys.executable, '-m', 'pip', 'list', '--format=json', '--disable-pip-version-check'],"
            + " check=True)\n";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** @param version the interpreter's version; @param packages name (lower case) to version */
    record Found(String version, Map<String, String> packages) {
    }

    private ImageProbe() {
    }

    static Found read(String image, Map<String, String> labels) throws TargetException {
        try (GenericContainer<?> probe = new GenericContainer<>(DockerImageName.parse(image))) {
            probe.withImagePullPolicy(name -> false).withNetworkMode("none").withLabels(labels)
                    .withCommand(Images.PYTHON, "-c", SCRIPT)
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(TIMEOUT));
            probe.start();
            return parse(probe.getLogs(OutputFrame.OutputType.STDOUT));
        } catch (RuntimeException e) {
            throw new TargetException("cannot read the Python packages of image " + image + ": "
                    + DockerEngine.rootMessage(e), null, List.of(), e);
        }
    }

    /** The version line and pip's JSON, as {@link #SCRIPT} prints them. */
    static Found parse(String stdout) throws TargetException {
        String text = stdout.strip();
        int nl = text.indexOf('\n');
        if (nl < 0) {
            throw new TargetException("unexpected output from the image's Python: " + text);
        }
        try {
            Map<String, String> packages = new TreeMap<>();
            for (JsonNode p : new ObjectMapper().readTree(text.substring(nl + 1))) {
                packages.put(p.path("name").asText().toLowerCase(Locale.ROOT), p.path("version").asText());
            }
            return new Found(text.substring(0, nl).strip(), packages);
        } catch (IOException e) {
            throw new TargetException("cannot read the output of pip list in the image: " + e.getMessage(), null,
                    List.of(), e);
        }
    }
}
