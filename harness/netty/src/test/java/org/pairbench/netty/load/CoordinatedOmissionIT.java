package org.pairbench.netty.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.record.Outcome;
import org.pairbench.core.record.Phase;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.server.CalibrationHttpServer;

/**
 * Stalls the server for a known time in the middle of a measured open-loop step (as a GC pause or a blocked event
 * loop would) and checks the theory: the corrected histogram shows every request intended during the stall as
 * slow, the uncorrected one shows only the few that were in flight. The stall begins at a given request, an event
 * of the load, so it lands where the test says whatever the machine's speed; asserts counts of recorded values,
 * and bounds that follow from the test's own numbers, not durations of the test.
 */
class CoordinatedOmissionIT {
    private static final long STALL_NS = TimeUnit.MILLISECONDS.toNanos(600);
    private static final double RATE = 1000;
    private static final int CONNECTIONS = 4;
    @RegisterExtension
    static final ServerClientLoops LOOPS = new ServerClientLoops("co", 1);

    @Test
    void correctedHistogramShowsTheStallAndUncorrectedHidesIt() throws Exception {
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.MICROSECONDS.toNanos(100))) {
            StepSpec.OpenLoop step = StepFixture.open(RATE, CONNECTIONS, Duration.ofMillis(500), Duration.ofSeconds(3),
                    Duration.ofSeconds(5));
            // requests are counted by intended time: 500 of warm-up, then 3000 measured; the stall begins with
            // request 2000, 1.5 s of schedule into the measured period
            server.stallAtRequest(2000, STALL_NS);
            // a short spin lead: the server shares this JVM and the test machine's cores, and a client polling
            // between every send would take their CPU; the correction does not depend on the lead
            StepFixture f = new StepFixture().run(LOOPS.newDriver(TimeUnit.MICROSECONDS.toNanos(50)), server.address(),
                    step, 14);

            assertThat(f.count(Phase.MEASURE, Outcome.OK)).isEqualTo(f.total(Phase.MEASURE)).isEqualTo(3000);
            Histogram corrected = f.histogram(Phase.MEASURE, LatencyView.CORRECTED);
            Histogram uncorrected = f.histogram(Phase.MEASURE, LatencyView.UNCORRECTED);
            long halfStall = STALL_NS / 2;
            // requests intended in the first half of the stall wait at least half of it: about RATE * stall / 2
            long correctedSlow = corrected.getCountBetweenValues(halfStall, Long.MAX_VALUE / 4);
            long expectedSlow = (long) (RATE * (STALL_NS / 2) / 1e9);
            assertThat(correctedSlow).isGreaterThanOrEqualTo(expectedSlow * 8 / 10);
            // only the requests on the wire when the stall began can look slow without correction
            long uncorrectedSlow = uncorrected.getCountBetweenValues(halfStall, Long.MAX_VALUE / 4);
            assertThat(uncorrectedSlow).isLessThanOrEqualTo(CONNECTIONS);
            assertThat(corrected.getValueAtPercentile(99)).isGreaterThanOrEqualTo(halfStall);
            assertThat(uncorrected.getValueAtPercentile(99)).isLessThan(halfStall);
        }
    }

    @Test
    void aClosedLoopHidesTheStallFromItsOwnHistogram() throws Exception {
        // the classic coordinated-omission demonstration: the closed loop simply stops sending during the stall
        try (CalibrationHttpServer server = LOOPS.startServer(TimeUnit.MICROSECONDS.toNanos(500))) {
            // no warm-up: every request is measured, so the stall at request 1000 lies in the measured period
            StepSpec.ClosedLoop step = new StepSpec.ClosedLoop("hello", CONNECTIONS, Duration.ZERO,
                    Duration.ofSeconds(3), Duration.ofSeconds(5));
            server.stallAtRequest(1000, STALL_NS);
            // a short spin lead: the server shares this JVM and the test machine's cores, and a client polling
            // between every send would take their CPU; the correction does not depend on the lead
            StepFixture f = new StepFixture().run(LOOPS.newDriver(TimeUnit.MICROSECONDS.toNanos(50)), server.address(),
                    step, 14);
            Histogram h = f.histogram(Phase.MEASURE, LatencyView.CORRECTED);
            long slow = h.getCountBetweenValues(STALL_NS / 2, Long.MAX_VALUE / 4);
            // the requests in flight when it stalled saw it (so it happened), but they are a handful among
            // thousands: under 1% of the histogram, so its p99 stays below half the stall
            assertThat(h.getTotalCount()).isGreaterThan(1000);
            assertThat(slow).isPositive().isLessThan(h.getTotalCount() / 100);
            assertThat(h.getValueAtPercentile(99)).isLessThan(STALL_NS / 2);
        }
    }
}
