package org.pairbench.generator;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.http.HttpTarget;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.netty.load.LoadException;
import org.pairbench.netty.load.RunningStep;
import org.pairbench.netty.server.CalibrationHttpServer;

/**
 * Warms the generator itself up before anything is measured: a few seconds of open- and closed-loop load against
 * the in-harness calibration server, so that the JIT has compiled the hot paths before the first variant runs.
 * Without it the first variant of a run shares the generator's core with the JIT compiler threads and its
 * generator lag shows it. Nothing from this load is kept.
 *
 * <p>Threading: the runner's thread.
 */
final class GeneratorWarmup {
    private static final Duration STEP = Duration.ofMillis(1500);

    private GeneratorWarmup() {
    }

    static void run(LoadDriver driver, Transport transport) throws InterruptedException {
        EventLoopGroup serverGroup = transport.newGroup(1, "pairbench-warmup-server");
        try (CalibrationHttpServer server = CalibrationHttpServer.start(serverGroup, transport, NanoClock.SYSTEM,
                TimeUnit.MICROSECONDS.toNanos(50))) {
            HttpTarget target = new HttpTarget(server.address(), new RequestSpec("warmup", "GET", "/", Map.of()),
                    CalibrationHttpServer.BODY.length, Duration.ofSeconds(2));
            for (StepSpec step : List.of(
                    new StepSpec.OpenLoop("warmup", 3000, 16, Duration.ZERO, STEP, target.timeout()),
                    new StepSpec.ClosedLoop("warmup", 16, Duration.ZERO, STEP, target.timeout()))) {
                List<WorkerRecorder> recorders = new ArrayList<>();
                for (int i = 0; i < driver.workerCount(); i++) {
                    recorders.add(new WorkerRecorder());
                }
                RunningStep running = driver.start(target, step, recorders);
                running.completion().get(STEP.plus(target.timeout()).toSeconds() + 10, TimeUnit.SECONDS);
            }
        } catch (LoadException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the generator could not load its own calibration server: "
                    + e.getMessage(), e);
        } finally {
            serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
