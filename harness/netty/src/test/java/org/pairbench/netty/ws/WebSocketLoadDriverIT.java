package org.pairbench.netty.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.schedule.OpenLoopSchedule;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.load.IdleConnections;
import org.pairbench.netty.load.LoadException;
import org.pairbench.netty.server.WebSocketEchoServer;
import org.pairbench.netty.tcp.EchoLoopback;
import org.pairbench.netty.tcp.EchoSteps;

/**
 * The WebSocket echo driver against the harness's WebSocket echo server (plain, deflate, fragmenting) and broken
 * ones, over loopback sockets. Assertions are on counts, never on durations.
 */
class WebSocketLoadDriverIT extends EchoLoopback {

    private static WebSocketEchoServer server(boolean deflate, int fragmentBytes) throws InterruptedException {
        return WebSocketEchoServer.start(serverGroup, TRANSPORT, 0,
                new WebSocketEchoServer.Options("/ws", deflate, fragmentBytes));
    }

    // rates far below what one server thread manages even on a slow, shared machine (deflating a fresh 64 KiB
    // message costs it a few milliseconds each way), so every exchange is answered well within its timeout
    @ParameterizedTest(name = "{0} B, text {1}, deflate {2}, {3}/s")
    @CsvSource({"64, true, false, 300", "1024, false, false, 300", "65536, false, false, 200",
            "65536, true, true, 30", "1024, false, true, 300"})
    void openLoopEchoesEveryScheduledFrameExactlyOnce(int size, boolean text, boolean deflate, int rate)
            throws Exception {
        try (WebSocketEchoServer server = server(deflate, 0)) {
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", rate, 6, Duration.ofMillis(200),
                    Duration.ofMillis(600), Duration.ofSeconds(5));
            EchoSteps f = new EchoSteps().run(driver(), new WebSocketTarget(server.address(), "/ws", size, text,
                    deflate, step.timeout()), step);
            OpenLoopSchedule expected = new OpenLoopSchedule(0, step.warmup().toNanos(), step.duration().toNanos(),
                    rate);
            assertThat(f.total(Phase.WARMUP)).isEqualTo(expected.warmupCount());
            assertThat(f.total(Phase.MEASURE)).isEqualTo(expected.measuredCount());
            assertThat(f.all(Outcome.OK)).isEqualTo(expected.totalCount());
            assertThat(server.messagesReceived()).isEqualTo(expected.totalCount());
            assertThat(server.handshakesCompleted()).isEqualTo(6);
            assertThat(f.running.reconnects()).isZero();
            // compressed frames put fewer bytes on the wire than the payloads they carry; plain ones more. Every
            // message differs (EchoPayloads), so deflate gets its 6 bits a byte and no back-reference to the last
            // message: well above 70% of the payload bytes, where one repeated payload would be a few percent
            long payloadBytes = expected.totalCount() * size;
            if (deflate) {
                assertThat(server.wireBytesReceived()).isLessThan(payloadBytes)
                        .isGreaterThan((long) (0.7 * payloadBytes));
            } else {
                assertThat(server.wireBytesReceived()).isGreaterThan(payloadBytes);
            }
        }
    }

    @Test
    void closedLoopReassemblesFragmentedDeflatedEchoes() throws Exception {
        try (WebSocketEchoServer server = server(true, 4096)) {
            // a long timeout: a timed-out message would be counted by the server but not as OK by the client
            StepSpec.ClosedLoop step = new StepSpec.ClosedLoop("echo", 4, Duration.ofMillis(100),
                    Duration.ofMillis(500), Duration.ofSeconds(10));
            EchoSteps f = new EchoSteps().run(driver(), new WebSocketTarget(server.address(), "/ws", 65536, false,
                    true, step.timeout()), step);
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(f.total(Phase.MEASURE)).isPositive();
            assertThat(f.all(Outcome.OK)).isEqualTo(f.all());
            assertThat(server.messagesReceived()).isEqualTo(f.all());
        }
    }

    @Test
    void idleConnectionsAreHandshakenAndEachEchoedOnce() throws Exception {
        try (WebSocketEchoServer server = server(false, 0)) {
            WebSocketTarget target = new WebSocketTarget(server.address(), "/ws", 64, true, false,
                    Duration.ofSeconds(5));
            try (IdleConnections idle = IdleConnections.open(clientGroup, TRANSPORT, target, 300)) {
                assertThat(idle.opened()).isEqualTo(300);
                assertThat(idle.answered()).isEqualTo(300);
                assertThat(idle.stillOpen()).isEqualTo(300);
                assertThat(server.handshakesCompleted()).isEqualTo(300);
                assertThat(server.messagesReceived()).isEqualTo(300);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MisbehavingWebSocketServer.Fault.class)
    void aWrongAnswerIsABadResponseForEveryFrame(MisbehavingWebSocketServer.Fault fault) throws Exception {
        try (MisbehavingWebSocketServer server = new MisbehavingWebSocketServer(serverGroup, TRANSPORT, fault)) {
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", 50, 2, Duration.ZERO, Duration.ofMillis(400),
                    Duration.ofSeconds(2));
            EchoSteps f = new EchoSteps().run(driver(), new WebSocketTarget(server.address(), "/ws", 1024, true,
                    false, step.timeout()), step);
            long scheduled = new OpenLoopSchedule(0, 0, step.duration().toNanos(), 50).measuredCount();
            assertThat(f.count(Phase.MEASURE, Outcome.BAD_RESPONSE)).isEqualTo(scheduled);
            assertThat(f.total(Phase.MEASURE)).isEqualTo(scheduled);
        }
    }

    @Test
    void aRefusedHandshakeNeverOpensAConnection() throws Exception {
        try (WebSocketEchoServer server = server(false, 0)) {
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", 10, 2, Duration.ZERO, Duration.ofMillis(100),
                    Duration.ofSeconds(1));
            assertThatThrownBy(() -> new EchoSteps().run(driver(), new WebSocketTarget(server.address(),
                    "/elsewhere", 64, true, false, step.timeout()), step))
                    .isInstanceOf(LoadException.class).hasMessageContaining("could not open any connection");
            assertThat(server.handshakesCompleted()).isZero();
            assertThat(server.messagesReceived()).isZero();
        }
    }

    @Test
    void refusedHandshakesCountAsConnectErrorsAndAreRetriedAfterAPause() throws Exception {
        try (WebSocketEchoServer server = server(false, 0)) {
            // a step that holds idle connections runs even when no connection gets ready
            StepSpec.OpenLoop step = new StepSpec.OpenLoop("echo", 20, 2, Duration.ZERO, Duration.ofMillis(500),
                    Duration.ofMillis(300), null, 1);
            EchoSteps f = new EchoSteps().run(driver(), new WebSocketTarget(server.address(), "/nowhere", 64, false,
                    false, step.timeout()), step);
            assertThat(f.all(Outcome.TIMEOUT)).isEqualTo(f.all()).isEqualTo(10);
            long refused = f.recorders.stream().mapToLong(r -> r.countConnectErrors()).sum();
            // each of the 2 connections retries at most every 100 ms over the 0.8 s the step lasts
            assertThat(refused).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(2 * (800 / 100 + 2));
            assertThat(server.handshakesCompleted()).isZero();
        }
    }
}
