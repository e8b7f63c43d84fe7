package org.pairbench.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.generator.Generator;
import org.pairbench.generator.GeneratorLimits;
import org.pairbench.netty.Transport;
import org.pairbench.netty.load.IdleConnections;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.netty.load.LoadException;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.protocol.ProtocolFactory;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.targets.TargetException;

/**
 * Runs one step against a started target: opens the step's idle connections if it has any, starts its probe
 * stream (primed: each of its connections answered once) and then its load, lets the {@link StepSampler} record them, and turns the recordings into a
 * {@link StepResult}. Every stream's .hlog is written even when the step fails. A step whose requests timed out is
 * followed by an {@link AnswerCheck}: a target that stopped answering fails its trial there.
 *
 * <p>Threading: runs on the runner's thread; the workers run on the generator's event loops.
 */
public final class StepExecutor {
    private final LoadDriver driver;
    private final io.netty.channel.EventLoopGroup group;
    private final Transport transport;
    private final ResultLayout layout;
    private final StepSampler sampler;
    private final GeneratorLimits limits;
    private final RunControl control;
    private final ProtocolFactory protocols;

    /** Steps whose load the {@code generator}'s driver sends, to targets its protocols reach, on its loops. */
    public StepExecutor(Generator generator, ResultLayout layout, StepSampler sampler, GeneratorLimits limits,
                        RunControl control) {
        this.driver = generator.driver;
        this.group = generator.group;
        this.transport = generator.transport;
        this.protocols = generator.protocols;
        this.layout = layout;
        this.sampler = sampler;
        this.limits = limits;
        this.control = control;
    }

    /**
     * Runs the step.
     *
     * @throws TargetDiedException when the target exited during the step, or stopped answering in it; the step's
     *                             files are still written
     */
    public StepResult run(StepContext ctx) throws TargetDiedException, InterruptedException, IOException {
        StepSpec step = ctx.step();
        String hlog = ResultLayout.hlogRelative(ctx.workload(), ctx.variant(), ctx.trial(), ctx.stepId());
        String comment = ctx.workload() + " " + ctx.variant() + " trial " + ctx.trial() + " step " + ctx.stepId();
        List<LoadStream> streams = new ArrayList<>();
        IdleConnections idle = null;
        Throwable failure = null;
        try {
            streams.add(new LoadStream(layout, driver, step, hlog, comment));
            if (step.probe() != null) {
                String probeHlog = hlog.replaceFirst("\\.hlog$", ".probe.hlog");
                streams.add(new LoadStream(layout, driver, StepSpec.probeStep(step), probeHlog, comment + " probe"));
            }
            if (step.idleConnections() > 0) {
                int probes = step.probe() == null ? 0 : StepSpec.probeConnections(step.probe(), step.timeout());
                String fdProblem = FileDescriptors.shortfall(step.idleConnections() + step.connections() + probes + 16);
                if (fdProblem != null) {
                    return StepResults.failed(ctx, hlog, fdProblem);
                }
                idle = IdleConnections.open(group, transport, target(ctx, ctx.request()), step.idleConnections());
            }
            long sessionsBefore = sessions(ctx);
            long upstreamConnections = ctx.upstream() == null ? 0 : ctx.upstream().connectionsAccepted();
            long upstreamRequests = ctx.upstream() == null ? 0 : ctx.upstream().requestsReceived();
            try {
                // the probe first, primed: its connections opened and answered once before any load, so no probe
                // request waits for a loaded server to accept its connection
                for (int i = streams.size() - 1; i >= 0; i--) {
                    boolean probe = i > 0;
                    RequestSpec request = probe ? ctx.requests().get(step.probe().request()) : ctx.request();
                    streams.get(i).start(driver, target(ctx, request), probe);
                }
            } catch (LoadException e) {
                streams.stream().filter(LoadStream::started).forEach(s -> s.running.stop());
                failIfDead(ctx);
                return StepResults.failed(ctx, hlog, e.getMessage());
            }
            StepSampler.Sampling s = sampler.run(ctx, streams);
            for (LoadStream stream : streams) {
                stream.recording.finish(); // a full disk fails the run here, naming the .hlog
            }
            StepResult.ProbeResult probe = streams.size() > 1 ? StepResults.probe(streams.get(1)) : null;
            StepResult.IdleConnections idleResult = idle == null ? null : new StepResult.IdleConnections(
                    idle.requested(), idle.opened(), idle.answered(), idle.stillOpen());
            StepResult.UpstreamCounts upstream = upstreamCounts(ctx.upstream(), upstreamConnections,
                    upstreamRequests);
            long sessionsAfter = sessions(ctx);
            StepResult.DatabaseCounts database = sessionsBefore < 0 || sessionsAfter < 0 ? null
                    : new StepResult.DatabaseCounts(sessionsAfter - sessionsBefore);
            if (s.died) {
                throw died(ctx, "during step " + ctx.stepId(), StepResults.of(ctx, streams.get(0), s, limits,
                        StepResult.FAILED, "target exited during the step", probe, idleResult, upstream, database));
            }
            String error = control.interrupted() ? "interrupted" : null;
            StepResult result = StepResults.of(ctx, streams.get(0), s, limits,
                    error == null ? StepResult.OK : StepResult.FAILED, error, probe, idleResult, upstream, database);
            if (error == null && AnswerCheck.needed(ctx, result)) {
                // requests timed out: a target that hangs from now on would time out every later step as well
                String silent = AnswerCheck.reasonIfSilent(ctx, result, protocols.of(ctx.protocol()));
                if (silent != null) {
                    throw new TargetDiedException(silent, null, ctx.target().logTail(20), StepResults.of(ctx,
                            streams.get(0), s, limits, StepResult.FAILED, silent, probe, idleResult, upstream,
                            database));
                }
            }
            return result;
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            if (idle != null) {
                idle.close();
            }
            closeAll(streams, failure);
        }
    }

    /**
     * Closes every stream's interval log; a close that fails is thrown, or, when the step already failed, kept as
     * suppressed by that first error so it is not masked.
     */
    private static void closeAll(List<LoadStream> streams, Throwable failure) throws IOException {
        IOException first = null;
        for (LoadStream stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Where and how the step's load goes, by the workload's protocol. */
    private LoadTarget target(StepContext ctx, RequestSpec request) {
        return protocols.of(ctx.protocol()).loadTarget(ctx.target().address(), request,
                ctx.bodyLengths().getOrDefault(request.name(), -1L), ctx.step().timeout());
    }

    private static StepResult.UpstreamCounts upstreamCounts(CalibrationHttpServer upstream, long connectionsBefore,
                                                            long requestsBefore) {
        return upstream == null ? null : new StepResult.UpstreamCounts(
                upstream.connectionsAccepted() - connectionsBefore, upstream.requestsReceived() - requestsBefore);
    }

    /** Sessions the database has opened so far, or -1 without a database or when it cannot be read. */
    private static long sessions(StepContext ctx) {
        if (ctx.database() == null) {
            return -1;
        }
        try {
            return ctx.database().sessionsOpened();
        } catch (TargetException e) {
            return -1;
        }
    }

    private static void failIfDead(StepContext ctx) throws TargetDiedException {
        if (!ctx.target().isAlive()) {
            throw died(ctx, "before step " + ctx.stepId(), null);
        }
    }

    private static TargetDiedException died(StepContext ctx, String when, StepResult partial) {
        var exit = ctx.target().exitCode();
        return new TargetDiedException(ctx.variant() + " exited with code "
                + (exit.isPresent() ? String.valueOf(exit.getAsInt()) : "?") + " " + when,
                exit.isPresent() ? exit.getAsInt() : null, ctx.target().logTail(20), partial);
    }
}
