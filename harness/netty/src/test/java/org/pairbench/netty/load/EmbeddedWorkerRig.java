package org.pairbench.netty.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.pairbench.core.record.Histograms;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.schedule.NanoClock;

/**
 * Drives one load worker with no socket and no wall clock: its event loop is an embedded one on a
 * {@link MockTicker} that the test advances by hand, its connections are {@link EmbeddedChannel}s on the same
 * ticker, and its protocol only notes which connection sent, so the test answers each exchange when it wants to.
 * Everything runs on the test's thread.
 */
final class EmbeddedWorkerRig {
    final MockTicker ticker = Ticker.newMockTicker();
    final NanoClock clock = ticker::nanoTime;
    final WorkerRecorder recorder = new WorkerRecorder();
    /** Sends not yet answered, oldest first. */
    final ArrayDeque<ExchangeListener> inFlight = new ArrayDeque<>();
    final List<EmbeddedChannel> channels = new ArrayList<>();
    private final Map<Channel, ExchangeListener> listeners = new HashMap<>();
    private final EmbeddedChannel loopChannel = EmbeddedChannel.builder().ticker(ticker).build();
    long sends;

    EventLoop loop() {
        return loopChannel.eventLoop();
    }

    Connector connector() {
        return initializer -> {
            EmbeddedChannel ch = EmbeddedChannel.builder().ticker(ticker).handlers(initializer).build();
            channels.add(ch);
            return ch.newSucceededFuture();
        };
    }

    LoadTarget target(Duration timeout) {
        LoadProtocol protocol = new LoadProtocol() {
            @Override
            public void initChannel(Channel ch, ExchangeListener listener) {
                listeners.put(ch, listener);
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        listener.onClosed();
                    }
                });
            }

            @Override
            public void send(Channel ch) {
                sends++;
                inFlight.add(listeners.get(ch));
            }

            @Override
            public void release() {
            }
        };
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 9);
        return new LoadTarget() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public LoadProtocol newProtocol() {
                return protocol;
            }
        };
    }

    /** Runs every task and timer due at the current time, including those they queue. */
    void runDue() {
        for (int i = 0; i < 1000 && anyDue(); i++) {
            loopChannel.runPendingTasks();
            for (EmbeddedChannel ch : List.copyOf(channels)) {
                ch.runPendingTasks();
            }
        }
    }

    private boolean anyDue() {
        if (loopChannel.hasPendingTasks()) {
            return true;
        }
        for (EmbeddedChannel ch : channels) {
            if (ch.hasPendingTasks()) {
                return true;
            }
        }
        return false;
    }

    /** Moves the clock on by {@code ns} in one jump (as a stalled loop sees it), then runs what is due. */
    void jump(long ns) {
        ticker.advance(ns, TimeUnit.NANOSECONDS);
        runDue();
    }

    /** Moves the clock on by {@code ns} in steps of {@code stepNs}, running what is due after each. */
    void advance(long ns, long stepNs) {
        for (long done = 0; done < ns; done += stepNs) {
            jump(Math.min(stepNs, ns - done));
        }
    }

    /** Answers the oldest exchange in flight with {@code outcome}. */
    void answerOldest(Outcome outcome) {
        inFlight.poll().onAnswer(outcome, true);
        runDue();
    }

    /** Answers, OK, every exchange in flight now (not those their answers start, as a closed loop does). */
    void answerAll() {
        for (int n = inFlight.size(); n > 0; n--) {
            answerOldest(Outcome.OK);
        }
    }

    /** Everything recorded so far for a phase and view (taken from the recorder: call once per phase and view). */
    Histogram taken(Phase phase, LatencyView view) {
        Histogram h = Histograms.newHistogram();
        h.add(recorder.intervalHistogram(phase, view));
        return h;
    }

    long now() {
        return clock.nanoTime();
    }
}
