package org.pairbench.netty.server;

import java.util.concurrent.TimeUnit;

/**
 * The calibration server's answers: {@code Hello, World!\n} after {@code delay_us} microseconds (query parameter,
 * default the server's service time), so one server process serves every check of the self-test. Stateless.
 */
public final class CalibrationResponder implements Responder {
    private final long defaultDelayNs;

    public CalibrationResponder(long defaultDelayNs) {
        this.defaultDelayNs = defaultDelayNs;
    }

    @Override
    public Answer answer(String uri) {
        String delay = UpstreamResponder.query(uri, "delay_us", null);
        try {
            long delayNs = delay == null ? defaultDelayNs : TimeUnit.MICROSECONDS.toNanos(Long.parseLong(delay));
            return new Answer(200, CalibrationHttpServer.BODY, delayNs);
        } catch (NumberFormatException e) {
            return new Answer(400, "bad delay_us\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        }
    }
}
