package org.pairbench.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the local Docker engine reachable over TCP on 127.0.0.1 (as {@code DOCKER_HOST=tcp://127.0.0.1:PORT}), the
 * way an engine on another machine is reached, by copying bytes between each accepted TCP connection and a new
 * connection to the engine's Unix socket. Plain byte copying carries everything the engine speaks, including the
 * hijacked streams of attach and logs; each direction's end of stream is passed on as a half-close.
 *
 * <p>Threading: one acceptor thread, two daemon copier threads per connection; {@link #close()} from any thread
 * closes the listener and every open channel.
 */
final class DockerSocketForwarder implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final Path socket;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    DockerSocketForwarder(Path socket) throws IOException {
        this.socket = socket;
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::accept, "docker-forwarder-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The DOCKER_HOST value that reaches the engine through this forwarder. */
    String dockerHost() throws IOException {
        return "tcp://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** TCP connections accepted so far: more than zero once a client used the engine through here. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (listener.isOpen()) {
            try {
                SocketChannel tcp = listener.accept();
                SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX);
                unix.connect(UnixDomainSocketAddress.of(socket));
                connections.incrementAndGet();
                open.add(tcp);
                open.add(unix);
                AtomicInteger directions = new AtomicInteger(2); // both ended: close the pair
                copy(tcp, unix, directions);
                copy(unix, tcp, directions);
            } catch (IOException e) {
                // listener closed, or the engine refused this one: the client sees its connection close
            }
        }
    }

    private void copy(SocketChannel from, SocketChannel to, AtomicInteger directions) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput(); // the other side's end of stream, passed on
                if (directions.decrementAndGet() > 0) {
                    return; // the other direction may still carry data
                }
            } catch (IOException e) {
                // one side reset or was closed: the pair is done
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "docker-forwarder-copy");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (SocketChannel c : Set.copyOf(open)) {
            closeQuietly(c);
        }
    }
}
