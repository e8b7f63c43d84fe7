package org.pairbench.netty.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.schedule.OpenLoopSchedule;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.server.TcpEchoServer;

/**
 * The TCP echo driver against the harness's echo server, and against broken ones, over loopback sockets.
 * Assertions are on counts, never on durations.
 */
class TcpEchoLoadDriverIT extends EchoLoopback {

    @ParameterizedTest
    @ValueSource(ints = {64, 1024, 65536})
    void openLoopEchoesEveryScheduledMessageExactlyOnce(int size) throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start(serverGroup, TRANSPORT, 0)) {
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", 400, 6, Duration.ofMillis(200),
                    Duration.ofMillis(800), Duration.ofSeconds(5));
            EchoSteps f = new EchoSteps().run(driver(), new TcpEchoTarget(server.address(), size,
                    step.timeout()), step);
            OpenLoopSchedule expected = new OpenLoopSchedule(0, step.warmup().toNanos(), step.duration().toNanos(),
                    400);
            assertThat(f.total(Phase.WARMUP)).isEqualTo(expected.warmupCount());
            assertThat(f.total(Phase.MEASURE)).isEqualTo(expected.measuredCount());
            assertThat(f.all(Outcome.OK)).isEqualTo(expected.totalCount());
            assertThat(server.bytesReceived()).isEqualTo(expected.totalCount() * size);
            assertThat(server.connectionsAccepted()).isEqualTo(6);
            assertThat(f.running.reconnects()).isZero();
        }
    }

    @Test
    void closedLoopCountsMatchWhatTheServerReceived() throws Exception {
        try (TcpEchoServer server = TcpEchoServer.start(serverGroup, TRANSPORT, 0)) {
            StepSpec.ClosedLoop step = new StepSpec.ClosedLoop("echo", 8, Duration.ofMillis(100),
                    Duration.ofMillis(500), Duration.ofSeconds(10));
            EchoSteps f = new EchoSteps().run(driver(), new TcpEchoTarget(server.address(), 65536,
                    step.timeout()), step);
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(f.total(Phase.MEASURE)).isPositive();
            assertThat(f.all(Outcome.OK)).isEqualTo(f.all());
            assertThat(server.bytesReceived()).isEqualTo(f.all() * 65536);
        }
    }

    @Test
    void aFlippedByteIsABadResponseForEveryMessage() throws Exception {
        try (MisbehavingTcpServer server = MisbehavingTcpServer.start(serverGroup, TRANSPORT,
                MisbehavingTcpServer.Fault.FLIP_BYTE)) {
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", 50, 2, Duration.ZERO, Duration.ofMillis(400),
                    Duration.ofSeconds(2));
            EchoSteps f = new EchoSteps().run(driver(), new TcpEchoTarget(server.address(), 1024, step.timeout()),
                    step);
            long scheduled = new OpenLoopSchedule(0, 0, step.duration().toNanos(), 50).measuredCount();
            assertThat(f.count(Phase.MEASURE, Outcome.BAD_RESPONSE)).isEqualTo(scheduled);
            assertThat(f.total(Phase.MEASURE)).isEqualTo(scheduled);
        }
    }

    @Test
    void aShortEchoThenACloseIsAResetNeverASuccess() throws Exception {
        try (MisbehavingTcpServer server = MisbehavingTcpServer.start(serverGroup, TRANSPORT,
                MisbehavingTcpServer.Fault.SHORT_THEN_CLOSE)) {
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", 50, 2, Duration.ZERO, Duration.ofMillis(400),
                    Duration.ofSeconds(2));
            EchoSteps f = new EchoSteps().run(driver(), new TcpEchoTarget(server.address(), 64, step.timeout()),
                    step);
            long scheduled = new OpenLoopSchedule(0, 0, step.duration().toNanos(), 50).measuredCount();
            assertThat(f.count(Phase.MEASURE, Outcome.RESET)).isEqualTo(scheduled);
            assertThat(f.total(Phase.MEASURE)).isEqualTo(scheduled);
        }
    }

    @Test
    void aNonLoopbackTargetIsRefused() {
        assertThatThrownBy(() -> new TcpEchoTarget(new InetSocketAddress("10.1.2.3", 7), 64, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
    }
}
