package org.pairbench.core.result;

import java.util.Locale;

/**
 * The rule that marks a step INVALID because the generator, not the target, limited it; open loop and closed
 * loop alike. Two questions:
 *
 * <ol>
 *   <li><b>Did the generator run out of CPU?</b> Its busy share (process CPU over the measured window, per core,
 *       minus the time open-loop workers spent polling for a send time not yet come) above
 *       {@link Limits#maxBusyShare()}: the loop had no spare turn, so it may have sent late, read answers late
 *       or, in closed loop, offered less than the target could take.</li>
 *   <li><b>Did requests wait inside the generator?</b> Open loop only: the generator lag (how late the loop
 *       reached a due request) adds to every corrected latency, so its p99 is weighed against the latencies the
 *       step reports. The bound is the larger of {@link Limits#lagFloorUs()} and {@link Limits#lagShare()} of the
 *       step's corrected p99. At 10% the lag can move the p99 a claim compares by at most a tenth, less than the
 *       A/A noise of the pairs measured; the floor is where the platform's own scheduling (a thread that polls
 *       and never sleeps still loses p99 93 µs on the 2-core VMs) makes any smaller figure unreadable. A lag that
 *       is the bulk of the p99 is then always caught, whatever the target's speed.</li>
 * </ol>
 *
 * When the lag is over its bound and the platform's hiccup meter (measured on the generator's core with no load)
 * shows the platform itself stalling that much, the reason says so: the step is still INVALID, but the generator
 * is not to blame. Stateless.
 */
public final class GeneratorCheck {

    /**
     * @param lagFloorUs   generator lag p99 always tolerated
     * @param lagShare     share of the step's corrected p99 the lag p99 may reach when that is more
     * @param maxBusyShare busy share of its cores above which the generator counts as saturated
     * @param cores        cores the generator may use
     */
    public record Limits(double lagFloorUs, double lagShare, double maxBusyShare, int cores) {
        public static final double DEFAULT_LAG_FLOOR_US = 200;
        public static final double DEFAULT_LAG_SHARE = 0.10;
        public static final double DEFAULT_MAX_BUSY_SHARE = 0.90;
    }

    /**
     * What the step measured about its generator.
     *
     * @param openLoop         whether the step was open loop
     * @param cpuShare         process CPU over the window, per generator core
     * @param pollShare        polling time over the window, per generator core
     * @param lagP99Us         generator lag p99 (open loop), 0 when none was recorded
     * @param lagMaxUs         largest generator lag
     * @param correctedP99Us   the step's corrected p99
     * @param platformP99Us    the hiccup meter's p99 on the generator's core, or null when not measured
     */
    public record Measured(boolean openLoop, double cpuShare, double pollShare, double lagP99Us, double lagMaxUs,
                           double correctedP99Us, Double platformP99Us) {
    }

    private GeneratorCheck() {
    }

    public static GeneratorHealth judge(Measured m, Limits limits) {
        double busy = Math.max(0, m.cpuShare() - m.pollShare());
        Double bound = m.openLoop() ? Math.max(limits.lagFloorUs(), limits.lagShare() * m.correctedP99Us()) : null;
        String reason = null;
        if (busy > limits.maxBusyShare()) {
            reason = String.format(Locale.ROOT, "generator busy %.0f%% of its %d core(s) (limit %.0f%%, polling "
                    + "excluded): it ran out of CPU and may have limited the load", busy * 100, limits.cores(),
                    limits.maxBusyShare() * 100);
        } else if (bound != null && m.lagP99Us() > bound) {
            String platform = m.platformP99Us() != null && m.platformP99Us() >= bound
                    ? String.format(Locale.ROOT, "; the platform itself stalls (hiccup p99 %s on the generator's "
                    + "core with no load)", us(m.platformP99Us())) : "";
            reason = String.format(Locale.ROOT, "generator lag p99 %s > %s (the larger of %s and %.0f%% of the "
                    + "corrected p99 %s): requests waited inside the generator%s", us(m.lagP99Us()), us(bound),
                    us(limits.lagFloorUs()), limits.lagShare() * 100, us(m.correctedP99Us()), platform);
        }
        return new GeneratorHealth(round(m.cpuShare()), round(busy), round1(m.lagP99Us()), round1(m.lagMaxUs()),
                bound == null ? null : round1(bound), reason == null, reason);
    }

    private static String us(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.2fms", us / 1000) : String.format(Locale.ROOT, "%.0fus", us);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
