package org.pairbench.netty.server;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CountDownLatch;
import org.pairbench.netty.Transport;

/**
 * Runs the harness's WebSocket echo server ({@link WebSocketEchoServer}) as a process of its own, for symmetry
 * with {@link TcpEchoServerMain}: a native reference for the websocket-echo workload, or a stand-in target when
 * trying the driver by hand. Usage: {@code WebSocketEchoServerMain --port PORT [--path /ws] [--deflate]}. Binds
 * 127.0.0.1, one event-loop thread, prints one line when listening, runs until killed.
 */
public final class WebSocketEchoServerMain {
    private WebSocketEchoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        String path = "/ws";
        boolean deflate = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = i + 1 < args.length ? Integer.parseInt(args[++i]) : -1;
                case "--path" -> path = i + 1 < args.length ? args[++i] : "";
                case "--deflate" -> deflate = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port <= 0 || !path.startsWith("/")) {
            System.err.println("usage: WebSocketEchoServerMain --port PORT [--path /ws] [--deflate]");
            System.exit(2);
        }
        Transport transport = Transport.best();
        EventLoopGroup group = transport.newGroup(1, "ws-echo-server");
        WebSocketEchoServer server = WebSocketEchoServer.start(group, transport, port,
                new WebSocketEchoServer.Options(path, deflate, 0));
        System.out.println("websocket echo server on ws://" + server.address().getHostString() + ":"
                + server.address().getPort() + path + (deflate ? " (permessage-deflate)" : "") + " ("
                + transport.label() + ")");
        new CountDownLatch(1).await();
    }
}
