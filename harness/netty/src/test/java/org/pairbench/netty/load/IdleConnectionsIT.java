package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.netty.Transport;
import org.pairbench.netty.http.HttpTarget;
import org.pairbench.netty.server.CalibrationHttpServer;

class IdleConnectionsIT {
    private static final Transport TRANSPORT = Transport.best();
    private static EventLoopGroup serverGroup;
    private static EventLoopGroup clientGroup;

    @BeforeAll
    static void groups() {
        serverGroup = TRANSPORT.newGroup(1, "idle-server");
        clientGroup = TRANSPORT.newGroup(1, "idle-client");
    }

    @AfterAll
    static void close() {
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void everyConnectionIsOpenedAnsweredOnceAndHeld() throws Exception {
        try (CalibrationHttpServer server = CalibrationHttpServer.start(serverGroup, TRANSPORT, NanoClock.SYSTEM, 0)) {
            HttpTarget target = new HttpTarget(server.address(), StepFixture.HELLO, 14, Duration.ofSeconds(5));
            try (IdleConnections idle = IdleConnections.open(clientGroup, TRANSPORT, target, 700)) {
                assertThat(idle.requested()).isEqualTo(700);
                assertThat(idle.opened()).isEqualTo(700);
                assertThat(idle.answered()).isEqualTo(700);
                assertThat(idle.stillOpen()).isEqualTo(700);
                assertThat(server.connectionsAccepted()).isEqualTo(700);
                assertThat(server.requestsReceived()).isEqualTo(700);
            }
        }
    }

    @Test
    void connectionsAServerNeverAnswersCountAsOpenedNotAnswered() throws Exception {
        try (CalibrationHttpServer server = CalibrationHttpServer.start(serverGroup, TRANSPORT, NanoClock.SYSTEM,
                TimeUnit.HOURS.toNanos(1))) {
            HttpTarget target = new HttpTarget(server.address(), StepFixture.HELLO, 14, Duration.ofMillis(300));
            try (IdleConnections idle = IdleConnections.open(clientGroup, TRANSPORT, target, 20)) {
                assertThat(idle.opened()).isEqualTo(20);
                assertThat(idle.answered()).isZero();
                assertThat(idle.stillOpen()).isZero();
            }
        }
    }
}
