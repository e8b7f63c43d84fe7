package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.schedule.OpenLoopSchedule;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.http.HttpTarget;
import org.pairbench.netty.server.CalibrationHttpServer;

/**
 * The driver against the in-harness calibration server over real loopback sockets. Assertions are on counts and
 * on recorded values relative to known server behaviour, never on how long anything took.
 */
class HttpLoadDriverIT {
    @RegisterExtension
    static final ServerClientLoops LOOPS = new ServerClientLoops("test", 2);

    private static LoadDriver driver() {
        // no spinning here: these tests are about counts, and a sleeping generator must get them right too
        return LOOPS.newDriver(0);
    }

    @Test
    void openLoopSendsEveryScheduledRequestExactlyOnce() throws Exception {
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.MICROSECONDS.toNanos(200))) {
            StepSpec.OpenLoop step = StepFixture.open(500, 8, Duration.ofMillis(400), Duration.ofSeconds(1),
                    Duration.ofSeconds(2));
            StepFixture f = new StepFixture().run(driver(), server.address(), step, 14);
            OpenLoopSchedule expected = new OpenLoopSchedule(0, step.warmup().toNanos(), step.duration().toNanos(), 500);
            assertThat(f.total(Phase.WARMUP)).isEqualTo(expected.warmupCount());
            assertThat(f.total(Phase.MEASURE)).isEqualTo(expected.measuredCount());
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(expected.measuredCount());
            assertThat(server.requestsReceived()).isEqualTo(expected.totalCount());
            assertThat(server.connectionsAccepted()).isEqualTo(8);
            // every request has both views and a send lag; generator lag is recorded once per request too
            assertThat(f.histogram(Phase.MEASURE, LatencyView.CORRECTED).getTotalCount())
                    .isEqualTo(expected.measuredCount());
            assertThat(f.histogram(Phase.MEASURE, LatencyView.UNCORRECTED).getTotalCount())
                    .isEqualTo(expected.measuredCount());
            assertThat(f.histogram(Phase.MEASURE, LatencyView.GENERATOR_LAG).getTotalCount())
                    .isEqualTo(expected.measuredCount());
            // nothing is faster than the server's service time, and corrected >= uncorrected value by value
            Histogram corrected = f.histogram(Phase.MEASURE, LatencyView.CORRECTED);
            Histogram uncorrected = f.histogram(Phase.MEASURE, LatencyView.UNCORRECTED);
            assertThat(uncorrected.getMinValue()).isGreaterThanOrEqualTo(TimeUnit.MICROSECONDS.toNanos(199));
            assertThat(corrected.getValueAtPercentile(50)).isGreaterThanOrEqualTo(uncorrected.getValueAtPercentile(50));
        }
    }

    @Test
    void aPrimedStepAnswersOneUnrecordedRequestPerConnectionFirst() throws Exception {
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.MICROSECONDS.toNanos(200))) {
            StepSpec.OpenLoop step = StepFixture.open(100, 5, Duration.ofMillis(200), Duration.ofMillis(500),
                    Duration.ofSeconds(2));
            StepFixture f = new StepFixture().run(driver(), server.address(), step, 14, true);
            OpenLoopSchedule expected = new OpenLoopSchedule(0, step.warmup().toNanos(), step.duration().toNanos(), 100);
            // the server saw one more request per connection; none of them is among the recorded ones
            assertThat(server.connectionsAccepted()).isEqualTo(5);
            assertThat(server.requestsReceived()).isEqualTo(expected.totalCount() + 5);
            assertThat(f.total(Phase.WARMUP)).isEqualTo(expected.warmupCount());
            assertThat(f.total(Phase.MEASURE)).isEqualTo(expected.measuredCount());
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(expected.measuredCount());
        }
    }

    @Test
    void closedLoopCountsMatchWhatTheServerReceived() throws Exception {
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.MILLISECONDS.toNanos(1))) {
            StepSpec.ClosedLoop step = new StepSpec.ClosedLoop("hello", 4, Duration.ofMillis(200),
                    Duration.ofMillis(800), Duration.ofSeconds(2));
            StepFixture f = new StepFixture().run(driver(), server.address(), step, 14);
            long all = f.total(Phase.WARMUP) + f.total(Phase.MEASURE);
            assertThat(all).isEqualTo(server.requestsReceived());
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(f.total(Phase.MEASURE)).isPositive();
            // with 4 connections and a 1 ms service time no closed loop can exceed 4 requests per ms
            assertThat(f.total(Phase.MEASURE)).isLessThanOrEqualTo(4 * 800 + 4);
        }
    }

    @Test
    void aTimedOutRequestIsRecordedAtTheTimeoutAndCounted() throws Exception {
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.SECONDS.toNanos(30))) {
            Duration timeout = Duration.ofMillis(300);
            StepSpec.OpenLoop step = StepFixture.open(20, 2, Duration.ZERO, Duration.ofMillis(500), timeout);
            StepFixture f = new StepFixture().run(driver(), server.address(), step, 14);
            OpenLoopSchedule expected = new OpenLoopSchedule(0, 0, step.duration().toNanos(), 20);
            assertThat(f.count(Phase.MEASURE, Outcome.TIMEOUT)).isEqualTo(expected.measuredCount());
            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isZero();
            Histogram uncorrected = f.histogram(Phase.MEASURE, LatencyView.UNCORRECTED);
            // only requests that were sent have an uncorrected value, each exactly the timeout
            assertThat(uncorrected.getTotalCount()).isPositive();
            assertThat(uncorrected.getMinValue()).isEqualTo(uncorrected.lowestEquivalentValue(timeout.toNanos()));
            assertThat(uncorrected.getMaxValue()).isEqualTo(uncorrected.highestEquivalentValue(timeout.toNanos()));
            // requests that never found a free connection still got a corrected value: nothing is dropped
            assertThat(f.histogram(Phase.MEASURE, LatencyView.CORRECTED).getTotalCount())
                    .isEqualTo(expected.measuredCount());
        }
    }

    @Test
    void aTargetThatRefusesConnectionsFailsTheStepClearly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        StepSpec.OpenLoop step = StepFixture.open(10, 2, Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThatThrownBy(() -> new StepFixture().run(driver(), new InetSocketAddress("127.0.0.1", port), step, 14))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("could not open any connection to 127.0.0.1:" + port);
    }

    @Test
    void withIdleConnectionsHeldARefusingTargetIsMeasuredNotFailed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        StepSpec.OpenLoop step = new StepSpec.OpenLoop("hello", 20, 2, Duration.ZERO, Duration.ofMillis(500),
                Duration.ofMillis(300), null, 10);
        StepFixture f = new StepFixture().run(driver(), new InetSocketAddress("127.0.0.1", port), step, 14);
        // every scheduled request is accounted for as a timeout; the refused attempts are counted too
        assertThat(f.count(Phase.MEASURE, Outcome.TIMEOUT)).isEqualTo(10);
        assertThat(f.total(Phase.MEASURE)).isEqualTo(10);
        assertThat(f.recorders.stream().mapToLong(r -> r.countConnectErrors()).sum()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNonLoopbackTargetIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> new HttpTarget(new InetSocketAddress("10.1.2.3", 80), StepFixture.HELLO, -1,
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
    }
}
