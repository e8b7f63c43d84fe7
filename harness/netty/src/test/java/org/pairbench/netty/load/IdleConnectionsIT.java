package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pairbench.netty.http.HttpTarget;
import org.pairbench.netty.server.CalibrationHttpServer;

class IdleConnectionsIT {
    @RegisterExtension
    static final ServerClientLoops LOOPS = new ServerClientLoops("idle", 1);

    @Test
    void everyConnectionIsOpenedAnsweredOnceAndHeld() throws Exception {
        try (CalibrationHttpServer server = LOOPS.startServer(0)) {
            HttpTarget target = new HttpTarget(server.address(), StepFixture.HELLO, 14, Duration.ofSeconds(5));
            try (IdleConnections idle = IdleConnections.open(LOOPS.clientGroup(), LOOPS.transport(), target, 700)) {
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
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.HOURS.toNanos(1))) {
            HttpTarget target = new HttpTarget(server.address(), StepFixture.HELLO, 14, Duration.ofMillis(300));
            try (IdleConnections idle = IdleConnections.open(LOOPS.clientGroup(), LOOPS.transport(), target, 20)) {
                assertThat(idle.opened()).isEqualTo(20);
                assertThat(idle.answered()).isZero();
                assertThat(idle.stillOpen()).isZero();
            }
        }
    }
}
