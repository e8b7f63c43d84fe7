package org.pairbench.netty.server;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CountDownLatch;
import org.pairbench.core.schedule.NanoClock;
import org.pairbench.netty.Transport;

/**
 * Runs the calibration server as a process of its own, so that it can be pinned to the target's core like any
 * service under test (self-test, generator capacity check, comparison with wrk). Usage:
 * {@code CalibrationServerMain --port PORT [--service-time-us US]}. Answers {@code GET /?delay_us=N} after N
 * microseconds (default the service time), {@code /__stall?ms=N} stalls every answer for N ms. One event-loop
 * thread, with minimal timer slack so that delays are kept precisely. Runs until killed.
 */
public final class CalibrationServerMain {
    private CalibrationServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        long serviceTimeUs = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--service-time-us" -> serviceTimeUs = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port <= 0 || args.length % 2 != 0) {
            System.err.println("usage: CalibrationServerMain --port PORT [--service-time-us US]");
            System.exit(2);
        }
        Transport transport = Transport.best();
        EventLoopGroup group = transport.newGeneratorGroup(1, "calibration-server").group();
        CalibrationHttpServer server = CalibrationHttpServer.start(group, transport, NanoClock.SYSTEM,
                new CalibrationResponder(serviceTimeUs * 1000), port);
        System.out.println("calibration server on " + server.address() + " (" + transport.label() + ")");
        new CountDownLatch(1).await();
    }
}
