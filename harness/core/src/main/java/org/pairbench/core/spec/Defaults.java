package org.pairbench.core.spec;

import java.time.Duration;

/**
 * The one place defaults live. Precedence, lowest first: these values, then a profile's {@code defaults:}, then
 * a step's own fields, then command-line flags (JMH's layered options).
 */
public final class Defaults {
    /** Warm-up at the start of each step. */
    public static final Duration STEP_WARMUP = Duration.ofSeconds(1);
    /** Measured time of each step. */
    public static final Duration STEP_DURATION = Duration.ofSeconds(5);
    /** A request unanswered this long after it was sent is recorded at this value and counted as a timeout. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Connections an open-loop step spreads its requests over. */
    public static final int OPEN_LOOP_CONNECTIONS = 32;
    public static final int TRIALS = 1;
    /** Closed-loop warm-up at the start of each trial. */
    public static final Duration TRIAL_WARMUP = Duration.ofSeconds(2);
    public static final int WARMUP_CONNECTIONS = 8;
    /** Loopback address every service binds. */
    public static final String HOST = "127.0.0.1";

    private Defaults() {
    }
}
