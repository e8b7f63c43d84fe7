package org.pairbench.generator;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.result.PlatformHiccups;
import org.pairbench.netty.HiccupMeter;
import org.pairbench.netty.Transport;
import org.pairbench.netty.http.HttpProbe;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.netty.protocol.ProtocolFactory;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.netty.server.UpstreamResponder;

/**
 * The load generator of a run: its event loops (timer slack minimized), a separate event loop for the
 * in-harness upstream server that fan-out services call, the load driver and the protocols (load targets and
 * parity probes). On creation every other thread of the JVM is lowered to nice 19 (see
 * {@link GeneratorPriority}), so the generator's and the upstream's loops have their core whenever they have
 * work.
 *
 * <p>Threading: created and closed by the runner's thread.
 */
public final class Generator implements AutoCloseable {
    public final Transport transport;
    public final EventLoopGroup group;
    public final long timerSlackNs;
    public final LoadDriver driver;
    /** Load targets, parity probes and servers by protocol, on the generator's loops. */
    public final ProtocolFactory protocols;
    /** For the self-test's stall request. */
    public final HttpProbe probe;
    /** Per mode: 2,000 periods of 1 ms, enough for a p99.9 of the platform's stalls. */
    private static final java.time.Duration HICCUP_SECONDS_EACH = java.time.Duration.ofSeconds(2);
    private final EventLoopGroup upstreamGroup;

    public Generator(int threads, long spinLeadNs) throws InterruptedException {
        transport = Transport.forGenerator();
        Transport.GeneratorLoops loops = transport.newGeneratorGroup(threads, "pairbench-gen");
        Transport.GeneratorLoops upstreamLoops = transport.newGeneratorGroup(1, "pairbench-upstream");
        group = loops.group();
        upstreamGroup = upstreamLoops.group();
        timerSlackNs = loops.timerSlackNs();
        List<Long> keep = new ArrayList<>(loops.threadIds());
        keep.addAll(upstreamLoops.threadIds());
        GeneratorPriority.lowerAllBut(keep);
        driver = new LoadDriver(group, transport, NanoClock.SYSTEM, spinLeadNs);
        probe = new HttpProbe(group, transport);
        protocols = new ProtocolFactory(group, transport);
    }

    /**
     * Measures the platform's stalls on the generator's core ({@link HiccupMeter}, both modes), with no load
     * running: the floor its generator lag is read against.
     */
    public PlatformHiccups measureHiccups() throws InterruptedException {
        return HiccupMeter.measureBoth(group.next(), HICCUP_SECONDS_EACH);
    }

    /**
     * The hiccup p99 of the mode the open-loop workers wait in: polling whenever they have a spin lead (which
     * covers a sleeper's wake-up lateness), sleeping otherwise.
     */
    public static double platformP99Us(PlatformHiccups hiccups, long spinLeadNs) {
        return spinLeadNs > 0 ? hiccups.spin().p99Us() : hiccups.sleep().p99Us();
    }

    /** Warms the generator's JIT up against its own calibration server (see {@link GeneratorWarmup}). */
    public void warmUp() throws InterruptedException {
        GeneratorWarmup.run(driver, transport);
    }

    /** Starts an upstream server ({@code GET /item?i=K&delay_ms=D}) on an ephemeral loopback port. */
    public CalibrationHttpServer startUpstream() throws InterruptedException {
        return CalibrationHttpServer.start(upstreamGroup, transport, NanoClock.SYSTEM, new UpstreamResponder(), 0);
    }

    @Override
    public void close() throws InterruptedException {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        upstreamGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
