package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.core.schedule.OpenLoopSchedule;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.Transport;
import org.pairbench.netty.server.CalibrationHttpServer;

/**
 * The generator's io_uring transport (chosen with PAIRBENCH_TRANSPORT=io_uring) against the epoll calibration
 * server: every scheduled request sent once and counted, open and closed loop. Skipped where io_uring cannot load.
 */
class IoUringLoadDriverIT {
    private EventLoopGroup serverGroup;
    private EventLoopGroup clientGroup;

    @BeforeEach
    void setUp() {
        assumeThat(Transport.IO_URING.isAvailable()).as("io_uring available").isTrue();
        serverGroup = Transport.best().newGroup(1, "test-server");
        clientGroup = Transport.IO_URING.newGroup(1, "test-uring-client");
    }

    @AfterEach
    void tearDown() {
        if (clientGroup != null) {
            clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void openAndClosedLoopCountEveryRequest() throws Exception {
        try (CalibrationHttpServer server = CalibrationHttpServer.start(serverGroup, Transport.best(),
                NanoClock.SYSTEM, TimeUnit.MICROSECONDS.toNanos(100))) {
            LoadDriver driver = new LoadDriver(clientGroup, Transport.IO_URING, NanoClock.SYSTEM, 0);
            StepSpec.OpenLoop open = StepFixture.open(500, 4, Duration.ofMillis(200), Duration.ofMillis(600),
                    Duration.ofSeconds(5));
            StepFixture f = new StepFixture().run(driver, server.address(), open, 14);
            OpenLoopSchedule expected = new OpenLoopSchedule(0, open.warmup().toNanos(), open.duration().toNanos(),
                    500);
            assertThat(f.total(Phase.MEASURE)).isEqualTo(expected.measuredCount());
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(expected.measuredCount());
            assertThat(f.histogram(Phase.MEASURE, LatencyView.GENERATOR_LAG).getTotalCount())
                    .isEqualTo(expected.measuredCount());
            assertThat(server.requestsReceived()).isEqualTo(expected.totalCount());

            StepFixture closed = new StepFixture().run(driver, server.address(), new StepSpec.ClosedLoop("hello", 4,
                    Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(5)), 14);
            assertThat(closed.count(Phase.MEASURE, Outcome.OK)).isEqualTo(closed.total(Phase.MEASURE)).isPositive();
            assertThat(closed.total(Phase.WARMUP) + closed.total(Phase.MEASURE) + expected.totalCount())
                    .isEqualTo(server.requestsReceived());
        }
    }
}
