package org.pairbench.core.interference;

import java.util.Locale;

/**
 * When a step counts as disturbed: other work above {@value #MAX_OTHER_SHARE_PERCENT}% of the CPU time of either
 * side's CPUs over the window, or steal above {@value #MAX_STEAL_PERCENT}% of the CPU time of both sides' CPUs,
 * each after taking off the figure's resolution (so counting in clock ticks alone never marks a step). 5% is about
 * what a build or a browser tab takes of one core in bursts, and what moves a p99 of a saturated single-core target
 * visibly; steal is held tighter because any of it means a neighbour on the host, which comes and goes. Stateless.
 */
public final class InterferenceBound {
    public static final double MAX_OTHER_SHARE_PERCENT = 5;
    public static final double MAX_STEAL_PERCENT = 2;

    private InterferenceBound() {
    }

    /**
     * One side's other work against its capacity.
     *
     * @param name        {@code generator} or {@code target}
     * @param otherMs     busy time of its CPUs not spent by the run's processes
     * @param capacityMs  its CPUs times the window
     */
    public record Side(String name, double otherMs, double capacityMs) {
    }

    /** Why the figures exceed the bound (the first side or steal that does, with its share), or null. */
    public static String exceeded(Side generator, Side target, double stealMs, double stealCapacityMs,
                                  double resolutionMs, double stealResolutionMs) {
        for (Side side : new Side[] {generator, target}) {
            if (side.capacityMs() > 0
                    && side.otherMs() - resolutionMs > side.capacityMs() * MAX_OTHER_SHARE_PERCENT / 100) {
                return String.format(Locale.ROOT, "other work on the %s's CPUs %.1f%% of their time (bound %.0f%%)",
                        side.name(), 100 * side.otherMs() / side.capacityMs(), MAX_OTHER_SHARE_PERCENT);
            }
        }
        if (stealCapacityMs > 0 && stealMs - stealResolutionMs > stealCapacityMs * MAX_STEAL_PERCENT / 100) {
            return String.format(Locale.ROOT, "steal %.1f%% of the CPUs' time (bound %.0f%%)",
                    100 * stealMs / stealCapacityMs, MAX_STEAL_PERCENT);
        }
        return null;
    }
}
