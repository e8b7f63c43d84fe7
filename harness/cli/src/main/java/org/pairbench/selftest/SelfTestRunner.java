package org.pairbench.selftest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pairbench.console.ProgressReporter;
import org.pairbench.console.StepLine;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.ResultsJson;
import org.pairbench.core.result.RunSummary;
import org.pairbench.console.Format;
import org.pairbench.core.result.PlatformHiccups;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantFailure;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.spec.Protocol;
import org.pairbench.core.spec.RequestSpec;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.generator.Generator;
import org.pairbench.generator.IdleStateHold;
import org.pairbench.generator.GeneratorCpus;
import org.pairbench.generator.GeneratorLimits;
import org.pairbench.netty.server.CalibrationHttpServer;
import org.pairbench.report.ReportRenderer;
import org.pairbench.resultfiles.ResultsBook;
import org.pairbench.resultfiles.ResultsDirectory;
import org.pairbench.run.CpuSides;
import org.pairbench.run.RunControl;
import org.pairbench.run.StepContext;
import org.pairbench.run.StepExecutor;
import org.pairbench.run.StepSampler;
import org.pairbench.run.TargetDiedException;
import org.pairbench.targets.RunningTarget;
import org.pairbench.targets.local.LocalProcessRuntime;

/**
 * {@code pairbench selftest}: checks the generator against known truth on this machine. A calibration server (a
 * separate JVM pinned to the target core) answers after a known service time; the self-test measures how fast
 * one generator core can send (open loop, a ladder of rates, and closed loop), how close measured latency is to
 * the known service time, whether a stall of known length shows in the corrected histogram and hides from the
 * uncorrected one as theory predicts, and, when {@code wrk} is installed, the throughput of pairbench and of
 * {@code wrk -t1} on the same server, connections and core. Every step is written like a run's (summary.json,
 * .hlog, charts); the conclusions go to {@code selftest.json} and a table.
 *
 * <p>Threading: the caller's thread.
 */
public final class SelfTestRunner {
    private static final Duration WARMUP = Duration.ofMillis(500);
    private static final Duration STEP = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final List<Double> LADDER = List.of(5_000.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0,
            60_000.0, 80_000.0, 100_000.0);
    private static final double ACHIEVED_SHARE = 0.99;

    private final SelfTestOptions options;
    private final ResultLayout layout;
    private final PrintStream err;
    private final RunControl control = new RunControl();
    private final List<StepResult> steps = new ArrayList<>();
    private ResultsBook book;
    private ProgressReporter progress;
    private StepExecutor executor;
    private RunningTarget server;
    private int stepNumber;

    private SelfTestRunner(SelfTestOptions options, ResultLayout layout, PrintStream err) {
        this.options = options;
        this.layout = layout;
        this.err = err;
    }

    /** Runs every check; prints the table to {@code out}, progress to {@code err}. */
    public static SelfTestFigures run(SelfTestOptions options, PrintStream out, PrintStream err) throws Exception {
        ResultLayout layout = ResultsDirectory.create(options.outDir());
        SelfTestRunner test = new SelfTestRunner(options, layout, err);
        SelfTestFigures figures = test.runChecks();
        ResultsJson.write(layout.dir().resolve("selftest.json"), figures);
        try {
            ReportRenderer.render(layout.dir());
        } catch (IOException | RuntimeException e) {
            err.println("Could not render the report (" + e.getMessage() + "); retry with ./pairbench report "
                    + layout.dir());
        }
        out.print(SelfTestTable.render(figures, options));
        out.println("Results: " + layout.dir() + "  (selftest.json, index.html)");
        return figures;
    }

    private SelfTestFigures runChecks() throws Exception {
        book = new ResultsBook(layout, layout.dir().getFileName().toString(), "selftest", "local");
        // an upper bound: the ladder stops at the first rate the generator cannot sustain
        progress = new ProgressReporter(err, System.console() != null, 60);
        try (LocalProcessRuntime runtime = new LocalProcessRuntime(options.projectDir().resolve("python-targets"),
                options.targetCpus(), err::println)) {
            server = CalibrationTarget.start(runtime, layout, options.projectDir());
            book.workload(CalibrationTarget.WORKLOAD, "The generator against its own calibration server.",
                    List.of(), "selftest", List.of(new VariantInfo(CalibrationTarget.VARIANT,
                            "Netty HTTP server answering after a known service time", server.command(), Map.of(),
                            null)));
            book.parity(CalibrationTarget.WORKLOAD, new ParityResult(ParityResult.SKIPPED, List.of(), null));
            String generatorCpus = GeneratorCpus.pin(options.generatorCpus(), err::println);
            try (IdleStateHold idle = IdleStateHold.acquire();
                 Generator generator = new Generator(1, options.spinLead().toNanos())) {
                err.println(idle.describe());
                err.println("Measuring the platform's hiccups on the generator's core (4s, no load)...");
                PlatformHiccups platform = generator.measureHiccups();
                executor = new StepExecutor(generator, layout,
                        new StepSampler(NanoClock.SYSTEM, progress, control,
                                CpuSides.of(generatorCpus, options.targetCpus())),
                        new GeneratorLimits(options.maxGeneratorLag(), GeneratorLimits.DEFAULT_MAX_CPU_SHARE,
                                GeneratorCpus.count(options.generatorCpus()), Generator.platformP99Us(platform,
                                options.spinLead().toNanos())), control);
                err.println("Warming up the generator...");
                run(new StepSpec.ClosedLoop("d0", 16, Duration.ZERO, Duration.ofSeconds(3), TIMEOUT), "warmup");
                SelfTestFigures.Capacity capacity = capacity();
                List<SelfTestFigures.Accuracy> accuracy = accuracy(capacity.openLoopPerSec());
                SelfTestFigures.Omission omission = omission(generator);
                SelfTestFigures.Peer wrk = peer("wrk", WrkPeer.find(), "wrk", WrkPeer::run);
                SelfTestFigures.Peer h2load = peer("h2load", H2loadPeer.find(), "nghttp2-client", H2loadPeer::run);
                return new SelfTestFigures(SelfTestFigures.SCHEMA, capacity, accuracy, omission, wrk,
                        targets(capacity, accuracy, wrk, platform), platform, generator.transport.label(), h2load);
            }
        } catch (TargetDiedException e) {
            book.failure(CalibrationTarget.WORKLOAD, new VariantFailure(CalibrationTarget.VARIANT, 1, null,
                    e.getMessage(), e.exitCode(), e.logTail()));
            throw new IllegalStateException("the calibration server died: " + e.getMessage(), e);
        } finally {
            book.finish(control.interrupted() ? RunSummary.INTERRUPTED : RunSummary.COMPLETE);
        }
    }

    private SelfTestFigures.Capacity capacity() throws Exception {
        double sustained = 0;
        List<Double> tried = new ArrayList<>();
        List<Double> lagP99Us = new ArrayList<>();
        String stoppedBy = "none: the ladder's top rate was sustained";
        for (double rate : LADDER) {
            tried.add(rate);
            StepResult r = run(new StepSpec.OpenLoop("d0", rate, options.connections(), WARMUP, STEP, TIMEOUT),
                    null);
            lagP99Us.add(r.generator() == null ? -1 : r.generator().lagP99Us());
            String problem = notSustained(r);
            if (problem != null) {
                stoppedBy = Format.rate(rate) + " req/s: " + problem;
                break;
            }
            sustained = rate;
        }
        StepResult closed = run(new StepSpec.ClosedLoop("d0", options.connections(), WARMUP, Duration.ofSeconds(3),
                TIMEOUT), null);
        return new SelfTestFigures.Capacity(sustained, tried, closed.achievedRatePerSec(),
                closed.generator() == null ? 0 : closed.generator().cpuUtilization(), options.connections(),
                options.maxGeneratorLag().toNanos() / 1e3, lagP99Us, stoppedBy);
    }

    private static List<SelfTestFigures.Target> targets(SelfTestFigures.Capacity capacity,
                                                        List<SelfTestFigures.Accuracy> accuracy,
                                                        SelfTestFigures.Peer wrk, PlatformHiccups platform) {
        List<SelfTestFigures.Target> all = new ArrayList<>(SelfTestTargets.judge(accuracy, wrk));
        all.addAll(SelfTestTargets.judgeGenerator(capacity, wrk, platform.spin().p99Us()));
        return all;
    }

    /** Why a rate of the ladder was not sustained, or null when it was. */
    private static String notSustained(StepResult r) {
        if (!StepResult.OK.equals(r.status())) {
            return "the step failed (" + r.error() + ")";
        }
        if (r.generator() != null && !r.generator().valid()) {
            return r.generator().invalidReason();
        }
        if (r.counts().ok() != r.counts().requests()) {
            return (r.counts().requests() - r.counts().ok()) + " of " + r.counts().requests()
                    + " requests not answered OK";
        }
        if (r.achievedRatePerSec() < ACHIEVED_SHARE * r.intendedRatePerSec()) {
            return "achieved only " + Format.rate(r.achievedRatePerSec()) + " req/s";
        }
        return null;
    }


    private List<SelfTestFigures.Accuracy> accuracy(double capacity) throws Exception {
        List<SelfTestFigures.Accuracy> out = new ArrayList<>();
        double base = capacity > 0 ? capacity : LADDER.get(0);
        for (Duration serviceTime : options.serviceTimes()) {
            double serviceUs = serviceTime.toNanos() / 1e3;
            for (double share : List.of(0.1, 0.25, 0.5)) {
                double rate = Math.round(base * share / 100) * 100.0;
                // enough connections that none waits for another: about three times the requests in flight
                int connections = (int) Math.ceil(rate * serviceTime.toNanos() / 1e9 * 3) + 4;
                StepResult r = run(new StepSpec.OpenLoop("d" + (long) serviceUs, rate, connections, WARMUP, STEP,
                        TIMEOUT), null);
                out.add(new SelfTestFigures.Accuracy(serviceUs, rate, r.corrected().p50Us(), r.corrected().p99Us(),
                        pct(r.corrected().p50Us(), serviceUs), pct(r.corrected().p99Us(), serviceUs)));
            }
        }
        return out;
    }

    private SelfTestFigures.Omission omission(Generator generator) throws Exception {
        double rate = 1000;
        Duration measure = Duration.ofSeconds(4);
        long serviceUs = 1000;
        // the stall begins with the request intended 1.5 s into the measured period: armed on the server by
        // request count (warm-up and measured requests are counted by their schedule), not by a clock here
        long after = Math.round(rate * (WARMUP.toNanos() / 1e9 + 1.5));
        generator.probe.fetch(server.address(), new RequestSpec("stall", "GET", CalibrationHttpServer.STALL_PATH
                + "?ms=" + options.stall().toMillis() + "&after=" + after, Map.of()), Duration.ofSeconds(5));
        StepResult r = run(new StepSpec.OpenLoop("d" + serviceUs, rate, 8, WARMUP, measure, Duration.ofSeconds(5)),
                "omission");
        double stallUs = options.stall().toNanos() / 1e3;
        // requests intended during the stall wait until it ends: their latencies spread evenly over
        // (0, stall]; the slowest 1% of all requests then start at stall - 1% of the measured period
        double predicted = Math.max(0, stallUs - 0.01 * measure.toNanos() / 1e3) + serviceUs;
        return new SelfTestFigures.Omission(options.stall().toMillis(), rate, measure.toSeconds(), predicted,
                r.corrected().p99Us(), r.uncorrected().p99Us(), serviceUs);
    }

    /** How a peer is run: its executable, the server's URL, connections and seconds. */
    @FunctionalInterface
    private interface PeerRun {
        WrkPeer.Result run(Path exe, String cpus, int connections, int seconds, String url) throws Exception;
    }

    private static final int PEER_SECONDS = 5;
    /** pairbench's closed loop against the server, run once and compared with every peer. */
    private StepResult peerStep;

    private SelfTestFigures.Peer peer(String name, Path exe, String install, PeerRun peer) throws Exception {
        if (exe == null) {
            err.println(name + " is not installed: skipping the comparison with it (apt-get install " + install + ")");
            return null;
        }
        if (peerStep == null) {
            peerStep = run(new StepSpec.ClosedLoop("d0", options.connections(), WARMUP,
                    Duration.ofSeconds(PEER_SECONDS), TIMEOUT), "peer");
        }
        StepResult ours = peerStep;
        String url = "http://127.0.0.1:" + server.address().getPort() + "/?delay_us=0";
        err.println("Running " + name + " with one thread and " + options.connections() + " connections for "
                + PEER_SECONDS + "s on the same core...");
        WrkPeer.Result theirs = peer.run(exe, options.generatorCpus(), options.connections(), PEER_SECONDS, url);
        double ourCpu = ours.generator().cpuUtilization() * ours.measureSec()
                * GeneratorCpus.count(options.generatorCpus());
        double ourPerCpu = ours.achievedRatePerSec() * ours.measureSec() / ourCpu;
        double theirPerCpu = theirs.cpuSeconds() > 0 ? theirs.requests() / theirs.cpuSeconds() : Double.NaN;
        return new SelfTestFigures.Peer(theirs.version(), options.connections(), theirs.requestsPerSec(),
                ours.achievedRatePerSec(), round(ours.achievedRatePerSec() / theirs.requestsPerSec()),
                theirs.cpuSeconds(), round(ourCpu), Double.isNaN(theirPerCpu) ? -1 : round(ourPerCpu / theirPerCpu));
    }

    /** Runs one step against the calibration server and records it (unless it is only a warm-up). */
    private StepResult run(StepSpec step, String name) throws Exception {
        stepNumber++;
        String id = String.format(Locale.ROOT, "%02d-%s", stepNumber, name == null ? step.id() : name + "-"
                + step.id());
        RequestSpec request = new RequestSpec(step.request(), "GET", "/?delay_us=" + step.request().substring(1),
                Map.of());
        StepContext ctx = new StepContext(CalibrationTarget.WORKLOAD, CalibrationTarget.VARIANT, 1, step, id,
                request, Protocol.HTTP, Map.of(request.name(), request), Map.of(request.name(),
                (long) CalibrationHttpServer.BODY.length), server, null, null, -1, "[selftest]");
        StepResult r = executor.run(ctx);
        progress.advance((step.warmup().toNanos() + step.duration().toNanos()) / 1e9);
        if (!"warmup".equals(name)) {
            steps.add(r);
            book.step(CalibrationTarget.WORKLOAD, r);
        }
        err.println(StepLine.of("[selftest]", r));
        return r;
    }

    private static double pct(double measured, double truth) {
        return round((measured - truth) / truth * 100);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
