package org.pairbench.targets.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pairbench.core.spec.TargetLaunch;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.TargetRequest;

/**
 * A harness stand-in for {@link LeftoverSweepIT}: starts one target container under the run id it is given,
 * prints {@code READY} and waits to be killed, so that its container is left behind.
 */
public final class HoldTarget {
    private HoldTarget() {
    }

    public static void main(String[] args) throws Exception {
        String runId = args[0];
        Path log = Files.createTempFile("hold-target", ".log");
        DockerRuntime runtime = DockerRuntime.create(DockerTestSupport.PYTHON_TARGETS, "", 256L << 20, runId,
                System.out::println);
        RunningTarget target = runtime.start(new TargetRequest("hold", "aiohttp", new TargetLaunch.Python(
                LeftoverSweepIT.HOLD_ARGS), "127.0.0.1", Map.of(), log.getParent(), log));
        System.out.println("READY " + target.address().getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
