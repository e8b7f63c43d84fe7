package org.pairbench.console;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells the person at the terminal where the run is and how long is left. On a terminal one status line is
 * redrawn in place every second; otherwise (CI logs) one line is printed per step, so logs stay short.
 * The time left is the planned wall time of everything not yet run (the run's plan, {@code PlannedWallTime}: load
 * and the overheads around it), so an estimate: a busy machine, or a step retried as disturbed, takes longer.
 *
 * <p>Threading: called from the runner's thread only.
 */
public final class ProgressReporter {
    private final PrintStream out;
    private final boolean interactive;
    private final double plannedTotalSec;
    private double plannedDoneSec;
    private boolean lineOpen;

    public ProgressReporter(PrintStream out, boolean interactive, double plannedTotalSec) {
        this.out = out;
        this.interactive = interactive;
        this.plannedTotalSec = plannedTotalSec;
    }

    /** A message on its own line (start-up, failures), not overwritten by the status line. */
    public void message(String text) {
        clearLine();
        out.println(text);
        out.flush();
    }

    /** A step begins; printed as its own line when not interactive. */
    public void stepStarted(String label) {
        if (!interactive) {
            out.println(label + "  (" + timeLeft(0) + " left)");
            out.flush();
        }
    }

    /** Redraws the status line while a step runs. */
    public void tick(String label, double stepElapsedSec, double stepPlannedSec, String figures) {
        if (!interactive) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s %4.1f/%.0fs | %s | ~%s left", label, stepElapsedSec,
                stepPlannedSec, figures, timeLeft(Math.min(stepElapsedSec, stepPlannedSec)));
        out.print("\r\033[2K" + line);
        out.flush();
        lineOpen = true;
    }

    /** Marks planned time as done (a finished step, or one skipped because its trial failed). */
    public void advance(double plannedSec) {
        plannedDoneSec += plannedSec;
    }

    public void stepFinished(String line) {
        clearLine();
        out.println(line);
        out.flush();
    }

    private void clearLine() {
        if (lineOpen) {
            out.print("\r\033[2K");
            lineOpen = false;
        }
    }

    private String timeLeft(double inStepSec) {
        long left = Math.max(0, Math.round(plannedTotalSec - plannedDoneSec - inStepSec));
        return left >= 60 ? left / 60 + "m" + String.format(Locale.ROOT, "%02d", left % 60) + "s" : left + "s";
    }
}
