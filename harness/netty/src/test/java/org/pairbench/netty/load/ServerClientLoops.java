package org.pairbench.netty.load;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.netty.Transport;
import org.pairbench.netty.server.CalibrationHttpServer;

/**
 * JUnit 5 extension giving a Netty load IT its two event loop groups on this machine's best transport: one for the
 * in-harness server, one for the client under test (kept apart so that the server's work does not share the
 * client's loop). Made before the class's first test, shut down after its last. Register it on a static field with
 * {@code @RegisterExtension}.
 *
 * <p>Threading: the groups are made and shut down on JUnit's thread; the tests hand them to Netty, whose loops run
 * on their own threads.
 */
final class ServerClientLoops implements BeforeAllCallback, AfterAllCallback {
    private final Transport transport = Transport.best();
    private final String name;
    private final int clientThreads;
    private EventLoopGroup server;
    private EventLoopGroup client;

    /** Loops named {@code NAME-server} (one thread) and {@code NAME-client} ({@code clientThreads}). */
    ServerClientLoops(String name, int clientThreads) {
        this.name = name;
        this.clientThreads = clientThreads;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = transport.newGroup(1, name + "-server");
        client = transport.newGroup(clientThreads, name + "-client");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (EventLoopGroup group : new EventLoopGroup[] {server, client}) {
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    Transport transport() {
        return transport;
    }

    EventLoopGroup clientGroup() {
        return client;
    }

    /** The calibration server on the server's loop, answering every request after {@code serviceTimeNs}. */
    CalibrationHttpServer startServer(long serviceTimeNs) throws InterruptedException {
        return CalibrationHttpServer.start(server, transport, NanoClock.SYSTEM, serviceTimeNs);
    }

    /** A load driver on the client's loops. */
    LoadDriver newDriver(long spinLeadNs) {
        return new LoadDriver(client, transport, NanoClock.SYSTEM, spinLeadNs);
    }
}
