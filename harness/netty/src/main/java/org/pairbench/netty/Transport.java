package org.pairbench.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Locale;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport of the generator and of the in-harness servers. Recorded in run.json and selftest.json
 * because it changes the generator's capacity and timer precision.
 *
 * <ul>
 *   <li>{@link #EPOLL}: the default of the generator and of the in-harness servers ({@link #best}).</li>
 *   <li>{@link #IO_URING}: the generator's on request ({@value #GENERATOR_TRANSPORT_ENV}{@code =io_uring}). On
 *       loopback a request's cost is system calls: with epoll every send is a {@code write}, every answer a
 *       {@code read}, every loop turn an {@code epoll_wait}; io_uring queues a loop turn's writes and reads and
 *       submits them, and reaps what completed, in one {@code io_uring_enter}, which is how a JVM generator could
 *       get more requests per CPU-second than a C one. It is not the default yet: on the shared 2-core build
 *       machine a closed loop of 4 connections over io_uring completed about 7 times fewer requests than over
 *       epoll in the same test, and that has to be measured on a quiet machine (the self-test records which
 *       transport ran) before io_uring may carry published figures.</li>
 *   <li>{@link #NIO}: where neither native transport loads.</li>
 * </ul>
 */
public enum Transport {
    IO_URING("io_uring"),
    EPOLL("epoll"),
    NIO("nio");

    /** Environment variable that picks the generator's transport: {@code io_uring}, {@code epoll} or {@code nio}. */
    public static final String GENERATOR_TRANSPORT_ENV = "PAIRBENCH_TRANSPORT";

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The in-harness servers' transport: epoll when available, else NIO. */
    public static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /**
     * The generator's transport: the one named by {@value #GENERATOR_TRANSPORT_ENV} if set (refused when it cannot
     * load here), else {@link #best()}.
     */
    public static Transport forGenerator() {
        String asked = System.getenv(GENERATOR_TRANSPORT_ENV);
        if (asked != null && !asked.isBlank()) {
            Transport t = byLabel(asked.trim());
            if (!t.isAvailable()) {
                throw new IllegalStateException(GENERATOR_TRANSPORT_ENV + "=" + asked + ": that transport cannot "
                        + "load on this machine");
            }
            return t;
        }
        return best();
    }

    /** The transport with this label ({@code io_uring}, {@code epoll}, {@code nio}). */
    public static Transport byLabel(String label) {
        for (Transport t : values()) {
            if (t.label.equals(label.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport " + label + " (io_uring, epoll or nio)");
    }

    public boolean isAvailable() {
        return switch (this) {
            case IO_URING -> IoUring.isAvailable();
            case EPOLL -> Epoll.isAvailable();
            case NIO -> true;
        };
    }

    /** An event loop group of {@code threads} threads named {@code <name>-N}. */
    public EventLoopGroup newGroup(int threads, String name) {
        IoHandlerFactory factory = switch (this) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
    }

    /**
     * An event loop group for the load generator: like {@link #newGroup}, with every thread's timer slack
     * minimized (see {@link TimerSlack}) before it is used. Returns the group, the slack in force and the
     * kernel thread ids of its threads.
     */
    public GeneratorLoops newGeneratorGroup(int threads, String name) throws InterruptedException {
        EventLoopGroup group = newGroup(threads, name);
        long slack = Long.MAX_VALUE;
        java.util.List<Long> tids = new java.util.ArrayList<>();
        for (var executor : group) {
            long s = executor.submit(TimerSlack::minimizeForCurrentThread).sync().getNow();
            slack = Math.min(slack, s < 0 ? Long.MAX_VALUE : s);
            tids.add(executor.submit(TimerSlack::currentThreadId).sync().getNow());
        }
        return new GeneratorLoops(group, slack == Long.MAX_VALUE ? -1 : slack, tids);
    }

    /**
     * The generator's event loops.
     *
     * @param timerSlackNs the timer slack of its threads, -1 when unknown
     * @param threadIds    kernel ids of its threads (-1 where unknown)
     */
    public record GeneratorLoops(EventLoopGroup group, long timerSlackNs, java.util.List<Long> threadIds) {
    }

    public Class<? extends SocketChannel> socketChannel() {
        return switch (this) {
            case IO_URING -> IoUringSocketChannel.class;
            case EPOLL -> EpollSocketChannel.class;
            case NIO -> NioSocketChannel.class;
        };
    }

    public Class<? extends ServerChannel> serverChannel() {
        return switch (this) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }
}
