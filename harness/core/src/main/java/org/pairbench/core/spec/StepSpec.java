package org.pairbench.core.spec;

import java.time.Duration;

/**
 * One measured load step. Each step starts with a warm-up of its own, recorded and tagged {@code warmup}, then
 * measures for its duration. Requests still in flight when it ends are given up to {@link #timeout()} to finish.
 *
 * <p>Two optional additions: a {@link Probe}, a second light open-loop stream on connections of its own, measured
 * apart (how an instant endpoint fares while another is loaded), and idle connections opened (and each answered
 * once) before the load starts and kept open through it (how a server copes with many connections).
 */
public sealed interface StepSpec permits StepSpec.OpenLoop, StepSpec.ClosedLoop, StepSpec.InProcess {

    /** Stable identifier used in file names, e.g. {@code hello-open-2000rps} or {@code hello-closed-16c-idle2000}. */
    String id();

    /** Name of the workload request this step sends. */
    String request();

    int connections();

    Duration warmup();

    Duration duration();

    Duration timeout();

    /** The probe stream, or null. */
    Probe probe();

    /** Idle keep-alive connections opened before the load; 0 for none. */
    int idleConnections();

    /**
     * A light open-loop stream sent alongside the step's load, on connections of its own: as many as can have a
     * request in flight at once ({@link #probeConnections}), each opened and answered once before the load starts,
     * so that no probe request waits for a free connection or for the server to accept one. Its corrected latency
     * is then how long the loaded server kept an established client waiting.
     *
     * @param request    the request the probe sends
     * @param ratePerSec its constant rate
     */
    record Probe(String request, double ratePerSec) {
    }

    /** Constant arrival rate; latency measured from each request's intended send time. */
    record OpenLoop(String request, double ratePerSec, int connections, Duration warmup, Duration duration,
                    Duration timeout, Probe probe, int idleConnections) implements StepSpec {
        public OpenLoop(String request, double ratePerSec, int connections, Duration warmup, Duration duration,
                        Duration timeout) {
            this(request, ratePerSec, connections, warmup, duration, timeout, null, 0);
        }

        @Override
        public String id() {
            String rate = Units.formatRate(ratePerSec);
            return request + "-open-" + rate.substring(0, rate.length() - 2).replace('.', '_') + "rps"
                    + suffix(probe, idleConnections);
        }
    }

    /** A fixed number of connections, each sending its next request as soon as the previous one is answered. */
    record ClosedLoop(String request, int connections, Duration warmup, Duration duration, Duration timeout,
                      Probe probe, int idleConnections) implements StepSpec {
        public ClosedLoop(String request, int connections, Duration warmup, Duration duration, Duration timeout) {
            this(request, connections, warmup, duration, timeout, null, 0);
        }

        @Override
        public String id() {
            return request + "-closed-" + connections + "c" + suffix(probe, idleConnections);
        }
    }

    /**
     * A benchmark case of an in-process workload's programs ({@code spawn-join}): the program times it with pyperf
     * and the step's figures are its values. No load, so no connections, warm-up or duration of the harness's own
     * (pyperf's options in the profile set them).
     */
    record InProcess(String id) implements StepSpec {
        @Override
        public String request() {
            return id;
        }

        @Override
        public int connections() {
            return 0;
        }

        @Override
        public Duration warmup() {
            return Duration.ZERO;
        }

        @Override
        public Duration duration() {
            return Duration.ZERO;
        }

        @Override
        public Duration timeout() {
            return Duration.ZERO;
        }

        @Override
        public Probe probe() {
            return null;
        }

        @Override
        public int idleConnections() {
            return 0;
        }
    }

    private static String suffix(Probe probe, int idleConnections) {
        return (idleConnections > 0 ? "-idle" + idleConnections : "") + (probe != null ? "-probed" : "");
    }

    /** The probe as a step of its own: same timing, {@link #probeConnections} connections. */
    static StepSpec probeStep(StepSpec step) {
        Probe p = step.probe();
        return new OpenLoop(p.request(), p.ratePerSec(), probeConnections(p, step.timeout()), step.warmup(),
                step.duration(), step.timeout());
    }

    /**
     * Connections a probe needs so that none of its requests waits for a free one: a request holds its connection
     * until answered or timed out, so at most rate x timeout are in flight at once.
     */
    static int probeConnections(Probe p, Duration timeout) {
        return (int) Math.max(1, Math.ceil(p.ratePerSec() * timeout.toNanos() / 1e9));
    }
}
