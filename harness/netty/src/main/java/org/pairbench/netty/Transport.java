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
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport of the generator and of the in-harness servers: native epoll where the platform has it
 * (sub-millisecond timers, fewer copies), NIO otherwise. Recorded in run.json because it changes the generator's
 * capacity and timer precision.
 */
public enum Transport {
    EPOLL("epoll"),
    NIO("nio");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Epoll when available, else NIO. */
    public static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** An event loop group of {@code threads} threads named {@code <name>-N}. */
    public EventLoopGroup newGroup(int threads, String name) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
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
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
