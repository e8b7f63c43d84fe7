package org.pairbench.netty.tcp;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.netty.Transport;
import org.pairbench.netty.load.LoadDriver;

/**
 * Base of the echo drivers' loopback tests: a one-thread group for the servers, a two-thread group for the
 * generator (so steps have two workers), both shut down after the class.
 */
public abstract class EchoLoopback {
    protected static final Transport TRANSPORT = Transport.best();
    protected static EventLoopGroup serverGroup;
    protected static EventLoopGroup clientGroup;

    @BeforeAll
    protected static void groups() {
        serverGroup = TRANSPORT.newGroup(1, "echo-server");
        clientGroup = TRANSPORT.newGroup(2, "echo-client");
    }

    @AfterAll
    protected static void shutdown() {
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** A driver that sleeps between sends (no spinning): these tests are about counts, not timing. */
    protected static LoadDriver driver() {
        return new LoadDriver(clientGroup, TRANSPORT, NanoClock.SYSTEM, 0);
    }
}
