package org.pairbench.core.spec;

import java.time.Duration;

/**
 * One measured load step. Each step starts with a warm-up of its own, recorded and tagged {@code warmup}, then
 * measures for its duration. Requests still in flight when it ends are given up to {@link #timeout()} to finish.
 */
public sealed interface StepSpec permits StepSpec.OpenLoop, StepSpec.ClosedLoop {

    /** Stable identifier used in file names, e.g. {@code hello-open-2000rps}. */
    String id();

    /** Name of the workload request this step sends. */
    String request();

    int connections();

    Duration warmup();

    Duration duration();

    Duration timeout();

    /** Constant arrival rate; latency measured from each request's intended send time. */
    record OpenLoop(String request, double ratePerSec, int connections, Duration warmup, Duration duration,
                    Duration timeout) implements StepSpec {
        @Override
        public String id() {
            String rate = Units.formatRate(ratePerSec);
            return request + "-open-" + rate.substring(0, rate.length() - 2).replace('.', '_') + "rps";
        }
    }

    /** A fixed number of connections, each sending its next request as soon as the previous one is answered. */
    record ClosedLoop(String request, int connections, Duration warmup, Duration duration, Duration timeout)
            implements StepSpec {
        @Override
        public String id() {
            return request + "-closed-" + connections + "c";
        }
    }
}
