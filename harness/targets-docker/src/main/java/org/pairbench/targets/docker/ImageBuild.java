package org.pairbench.targets.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.pairbench.targets.TargetException;

/**
 * One {@code docker build} through the engine's API: host networking (the target image's Dockerfile installs
 * Python with apt on the Debian base), no pull, intermediate containers removed even on failure. The build's step lines
 * ("Step 3/21 : RUN ...") go to the progress consumer; the last {@value #TAIL_LINES} output lines are kept for
 * the error when a step fails.
 *
 * <p>Runs on the caller's thread; the engine's answers arrive on docker-java's thread and are handed over
 * through synchronized state.
 */
final class ImageBuild {
    static final int TAIL_LINES = 30;
    /** Step lines are cut to this length: a RUN step's whole shell script is no progress message. */
    private static final int STEP_CHARS = 100;

    private ImageBuild() {
    }

    /** Builds the context tar {@code context} into {@code tag}; returns the image id ({@code sha256:...}). */
    static String run(DockerClient client, InputStream context, String tag, Map<String, String> buildArgs,
                      Map<String, String> labels, Consumer<String> progress) throws TargetException {
        Output output = new Output(progress);
        var cmd = client.buildImageCmd(context).withTags(Set.of(tag)).withNetworkMode("host").withPull(false)
                .withRemove(true).withForcerm(true).withLabels(labels);
        buildArgs.forEach(cmd::withBuildArg);
        try {
            String shortId = cmd.exec(output).awaitImageId();
            return client.inspectImageCmd(shortId).exec().getId();
        } catch (RuntimeException e) {
            List<String> tail = output.tail();
            throw new TargetException("building " + tag + " failed: " + DockerEngine.rootMessage(e), null, tail,
                    e);
        }
    }

    /** Collects the build's output lines. */
    private static final class Output extends BuildImageResultCallback {
        private final Consumer<String> progress;
        private final Deque<String> last = new ArrayDeque<>();

        Output(Consumer<String> progress) {
            this.progress = progress;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            super.onNext(item);
            String text = item.isErrorIndicated() && item.getErrorDetail() != null
                    ? item.getErrorDetail().getMessage() : item.getStream();
            if (text == null) {
                return;
            }
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                keep(line);
                if (line.startsWith("Step ")) {
                    String step = line.strip().replaceAll("\\s+", " ");
                    progress.accept("  " + (step.length() > STEP_CHARS ? step.substring(0, STEP_CHARS) + "..." : step));
                }
            }
        }

        private synchronized void keep(String line) {
            last.addLast(line);
            if (last.size() > TAIL_LINES) {
                last.removeFirst();
            }
        }

        synchronized List<String> tail() {
            return List.copyOf(last);
        }
    }
}
