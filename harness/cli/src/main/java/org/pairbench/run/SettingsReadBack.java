package org.pairbench.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pairbench.core.settings.EffectiveSettings;
import org.pairbench.core.spec.VariantSpec;
import org.pairbench.targets.RunningTarget;

/**
 * Reads the settings a started Python target reports ({@link EffectiveSettings}) from its log and holds them
 * against the workload file: a variant whose process runs with something its file contradicts is refused. The
 * line is printed before the target listens (or just after, for servers that listen as they are created), and a
 * container's log arrives a moment later, so the log is polled for a while after readiness.
 *
 * <p>Threading: the runner's thread; blocks while it polls.
 */
final class SettingsReadBack {
    /** How long a started target has to print its settings line. */
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final long POLL_MS = 50;
    private static final int LOG_LINES = 400;

    /** Why a variant is refused. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private SettingsReadBack() {
    }

    /**
     * The settings {@code target} reports, checked against {@code variant}'s.
     *
     * @throws Refused when no settings line came within {@link #WAIT}, or a reported value contradicts the file
     */
    static Map<String, String> read(RunningTarget target, VariantSpec variant, String workloadFile)
            throws Refused, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<Map<String, String>> reported = EffectiveSettings.parse(target.logTail(LOG_LINES));
        while (reported.isEmpty() && target.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
            reported = EffectiveSettings.parse(target.logTail(LOG_LINES));
        }
        if (reported.isEmpty()) {
            throw new Refused("did not report the settings it runs with (no '" + EffectiveSettings.PREFIX.strip()
                    + "' line within " + WAIT.toSeconds() + " s; see python-targets/common/effective.py)");
        }
        List<String> contradictions = EffectiveSettings.contradictions(variant.settings(), reported.get());
        if (!contradictions.isEmpty()) {
            throw new Refused("refused: the process does not run with what " + workloadFile + " says: "
                    + String.join("; ", contradictions));
        }
        return reported.get();
    }
}
