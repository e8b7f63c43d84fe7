package org.pairbench.netty.load;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.StepTimeline;
import org.pairbench.jmh.HarnessBenchmark;

/**
 * The load worker's own part of one request, without codec or socket: a closed-loop worker with one connection
 * on an embedded event loop takes an answer ({@code onAnswer}: completion recorded in both views, counted against
 * the window) and sends the next request ({@code send}: timestamps, window check, the protocol's send, here a
 * no-op that keeps the connection's listener). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes
 * allocated per request by the worker and its recorder, which should be 0 (codec allocations are
 * {@code HttpResponseDecodeBenchmark}'s and {@code HttpRequestEncodeBenchmark}'s). Score: ns per request.
 *
 * <p>In the worker's package (the jar is on the class path, not a module) because the worker is package-private.
 */
@State(Scope.Thread)
public class WorkerRoundTripBenchmark extends HarnessBenchmark {
    private ExchangeListener inFlight;
    private long sent;
    private WorkerRecorder recorder;
    private EmbeddedChannel loopChannel;

    @Setup
    public void setUp() throws Exception {
        loopChannel = new EmbeddedChannel();
        recorder = new WorkerRecorder();
        LoadProtocol protocol = new LoadProtocol() {
            private ExchangeListener listener;

            @Override
            public void initChannel(Channel ch, ExchangeListener l) {
                listener = l;
            }

            @Override
            public void send(Channel ch) {
                sent++;
                inFlight = listener;
            }

            @Override
            public void release() {
            }
        };
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 9);
        LoadTarget target = new LoadTarget() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public LoadProtocol newProtocol() {
                return protocol;
            }
        };
        Connector connector = initializer -> {
            EmbeddedChannel ch = new EmbeddedChannel(initializer);
            return ch.newSucceededFuture();
        };
        ClosedLoopWorker worker = new ClosedLoopWorker(loopChannel.eventLoop(), connector, NanoClock.SYSTEM, recorder,
                target, 1);
        worker.connectAll();
        loopChannel.runPendingTasks();
        // one hour measured from now: the benchmark never reaches the end
        worker.start(StepTimeline.closedLoop(System.nanoTime(), 0, 3_600_000_000_000L, System.currentTimeMillis()));
        loopChannel.runPendingTasks();
    }

    @TearDown
    public void tearDown() {
        long counted = 0;
        for (Outcome o : Outcome.values()) {
            counted += recorder.count(org.pairbench.core.record.Phase.MEASURE, o);
        }
        if (counted + 1 != sent) {
            throw new IllegalStateException("sent " + sent + ", counted " + counted + " (one in flight)");
        }
        loopChannel.finishAndReleaseAll();
    }

    @Benchmark
    public long answerAndSendNext() {
        inFlight.onAnswer(Outcome.OK, true);
        return sent;
    }
}
