package org.pairbench.netty.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pairbench.core.record.Outcome;
import org.pairbench.netty.Transport;

/**
 * Many keep-alive connections held open while a step's load runs on others, to see how a server copes with
 * connections it is not busy with (claim C25). Each connection is opened (and handshaken, for protocols that
 * have one) and carries one exchange; the server "serves" it when it answers. A server with a connection cap
 * accepts connections at TCP level (the kernel's accept queue) that it never answers: those count as opened but
 * not answered. Connections are opened in waves of at most {@value #MAX_CONNECTING} at a time so the harness
 * does not itself flood the listen backlog.
 *
 * <p>Threading: {@link #open} blocks the caller until every connection has been answered, refused or has timed
 * out; the counters may be read from any thread; {@link #close} closes every connection.
 */
public final class IdleConnections implements AutoCloseable {
    static final int MAX_CONNECTING = 512;

    private final int requested;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Channel> channels = new ArrayList<>();
    private final List<AtomicBoolean> answeredFlags = new ArrayList<>();

    private IdleConnections(int requested) {
        this.requested = requested;
    }

    /** Opens {@code count} connections to the target, runs one exchange on each, and waits for the outcome. */
    public static IdleConnections open(EventLoopGroup group, Transport transport, LoadTarget target, int count)
            throws InterruptedException {
        IdleConnections pool = new IdleConnections(count);
        LoadProtocol protocol = target.newProtocol();
        Semaphore connecting = new Semaphore(MAX_CONNECTING);
        CountDownLatch settled = new CountDownLatch(count);
        long timeoutMs = Math.max(1, target.timeout().toMillis());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeoutMs);
        try {
            for (int i = 0; i < count; i++) {
                connecting.acquire();
                Exchange exchange = new Exchange(pool, protocol, connecting, settled, timeoutMs);
                ChannelFuture f = bootstrap.clone().handler(new Pipeline(protocol, exchange)).connect(target.address());
                synchronized (pool) {
                    pool.channels.add(f.channel());
                    pool.answeredFlags.add(exchange.answered);
                }
                f.addListener(r -> {
                    if (!r.isSuccess()) {
                        exchange.settle();
                    } else if (!protocol.needsHandshake()) {
                        exchange.onReady();
                    }
                });
            }
            settled.await();
        } finally {
            protocol.release();
        }
        return pool;
    }

    /** The one exchange of an idle connection: counted when ready and when answered; settles the wait. */
    private static final class Exchange implements ExchangeListener {
        private final IdleConnections pool;
        private final LoadProtocol protocol;
        private final Semaphore connecting;
        private final CountDownLatch settled;
        private final long timeoutMs;
        private final AtomicBoolean done = new AtomicBoolean();
        final AtomicBoolean answered = new AtomicBoolean();
        volatile Channel channel;

        Exchange(IdleConnections pool, LoadProtocol protocol, Semaphore connecting, CountDownLatch settled,
                 long timeoutMs) {
            this.pool = pool;
            this.protocol = protocol;
            this.connecting = connecting;
            this.settled = settled;
            this.timeoutMs = timeoutMs;
        }

        void settle() {
            if (done.compareAndSet(false, true)) {
                connecting.release();
                settled.countDown();
            }
        }

        @Override
        public void onReady() {
            pool.opened.incrementAndGet();
            protocol.send(channel);
            // a server at its connection cap leaves the exchange unanswered: stop waiting, keep the connection
            channel.eventLoop().schedule(this::settle, timeoutMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onAnswer(Outcome outcome, boolean keepOpen) {
            if (answered.compareAndSet(false, true)) {
                pool.answered.incrementAndGet();
            }
            settle();
        }

        @Override
        public void onClosed() {
            settle();
        }
    }

    public int requested() {
        return requested;
    }

    /** Connections established (and past their handshake). */
    public int opened() {
        return opened.get();
    }

    /** Connections whose exchange the server answered. */
    public int answered() {
        return answered.get();
    }

    /** Answered connections still open now (a server may drop idle ones, e.g. after its keep-alive timeout). */
    public synchronized int stillOpen() {
        int n = 0;
        for (int i = 0; i < channels.size(); i++) {
            n += answeredFlags.get(i).get() && channels.get(i).isActive() ? 1 : 0;
        }
        return n;
    }

    @Override
    public synchronized void close() {
        for (Channel ch : channels) {
            ch.close();
        }
        for (Channel ch : channels) {
            ch.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** The protocol's handlers on a new idle connection, reporting to its one {@link Exchange}. */
    private static final class Pipeline extends ChannelInitializer<SocketChannel> {
        private final LoadProtocol protocol;
        private final Exchange exchange;

        Pipeline(LoadProtocol protocol, Exchange exchange) {
            this.protocol = protocol;
            this.exchange = exchange;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            exchange.channel = ch;
            protocol.initChannel(ch, exchange);
        }
    }
}
