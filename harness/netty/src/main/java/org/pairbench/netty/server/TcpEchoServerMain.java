package org.pairbench.netty.server;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CountDownLatch;
import org.pairbench.netty.Transport;

/**
 * Runs the harness's TCP echo server ({@link TcpEchoServer}) as a process of its own: the native reference of
 * the tcp-echo workload (claim C23), started, pinned and measured like any variant. Usage:
 * {@code TcpEchoServerMain --port PORT}. Binds 127.0.0.1, serves every connection on one event-loop thread (as
 * the single-threaded Python servers do), prints one line when listening, and runs until killed.
 */
public final class TcpEchoServerMain {
    private TcpEchoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--port")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            port = Integer.parseInt(args[i + 1]);
        }
        if (port <= 0 || args.length % 2 != 0) {
            System.err.println("usage: TcpEchoServerMain --port PORT");
            System.exit(2);
        }
        Transport transport = Transport.best();
        // one thread accepts and serves: the reference is as single-threaded as the servers it is compared with
        EventLoopGroup group = transport.newGroup(1, "tcp-echo-server");
        TcpEchoServer server = TcpEchoServer.start(group, transport, port);
        System.out.println("tcp echo server on " + server.address() + " (" + transport.label() + ")");
        new CountDownLatch(1).await();
    }
}
