package org.pairbench.core.verdict;

import java.util.Locale;

/**
 * A claim's allocation of repetitions ({@link RepetitionPlan}): the variance components of its paired log-ratio,
 * the two levels' costs, Kalibera and Jones's best length of a trial's measured period, the trials needed for the
 * 95% interval to reach ±{@code target}, and one plain sentence saying so. {@code claims.json}'s
 * {@code repetitions}. When the claim's metric has no per-interval values (counts, CPU, RSS, in-process steps, a
 * {@code cv} claim) or its logs could not be read, every figure is null and {@code sentence} says why. Immutable.
 *
 * @param betweenTrialMeans      {@code S1²}: the variance of the paired log-ratios over the trials
 * @param withinTrials           {@code S2²}: the two sides' variances of one interval around its trial's mean,
 *                               relative to their means, summed
 * @param betweenTrials          {@code T1² = max(0, S1² - S2²/n2)}: what longer trials would not remove
 * @param intervalsPerTrial      {@code n2}: the measured period per trial now, in intervals
 * @param trialCostSec           {@code c1}: seconds a trial spends before the step measures (from the logs)
 * @param intervalSec            {@code c2}: seconds one interval costs (its whole length)
 * @param optimalSecondsPerTrial the measured period per trial that Kalibera and Jones's {@code r} gives
 * @param capped                 true when that was capped ({@value RepetitionPlan#MAX_LENGTHENING} × now): the
 *                               trial level holds little or no variance of its own
 * @param target                 the half-width aimed at, relative (0.05: ±5%)
 * @param trialsNeeded           paired trials of {@code optimalSecondsPerTrial} that reach it
 * @param reached                false when even {@code trialsNeeded} ({@value RepetitionPlan#MAX_TRIALS}) would not
 * @param currentHalfWidth       the half-width of this run's interval, relative
 * @param thresholdDistance      how far the effect lies from the nearest threshold of the hypothesis (relative, in
 *                               logs: 0.12 = 12%); an interval narrower than that decides the claim
 * @param trialsToDecide         paired trials of {@code optimalSecondsPerTrial} whose interval would be that narrow,
 *                               if the effect stayed where it is; null when more than
 *                               {@value RepetitionPlan#MAX_TRIALS} would be needed
 * @param sentence               the plan in one line, or why there is none
 */
public record Repetitions(Double betweenTrialMeans, Double withinTrials, Double betweenTrials,
                          Double intervalsPerTrial, Double trialCostSec, Double intervalSec,
                          Double optimalSecondsPerTrial, Boolean capped, Double target, Integer trialsNeeded,
                          Boolean reached, Double currentHalfWidth, Double thresholdDistance,
                          Integer trialsToDecide, String sentence) {
    /** Above this, a half-width is shown as "over ±1000%". */
    private static final int MOST_PERCENT = 1000;

    /** No allocation, and why. */
    public static Repetitions none(String why) {
        return new Repetitions(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                why);
    }

    /**
     * A computed plan, with its sentence.
     *
     * @param p          the plan
     * @param effect     the claim's improvement factor
     * @param thresholds where its hypothesis changes verdict ({@link VerdictRule#ratioBounds})
     */
    public static Repetitions of(RepetitionPlan.Plan p, double effect, double[] thresholds) {
        RepetitionPlan.Components c = p.components();
        double distance = Double.POSITIVE_INFINITY;
        for (double t : thresholds) {
            distance = Math.min(distance, Math.abs(Math.log(effect) - Math.log(t)));
        }
        Integer decide = null;
        if (distance > 0 && Double.isFinite(distance)) {
            int n = RepetitionPlan.trialsNeeded(p.perPairVariance(), distance);
            decide = n <= RepetitionPlan.MAX_TRIALS ? n : null;
        }
        Double relative = Double.isFinite(distance) ? Math.expm1(distance) : null;
        String sentence = sentence(p) + (relative == null ? "" : "; " + (decide == null ? "more than "
                + RepetitionPlan.MAX_TRIALS : decide) + " would decide the claim if the effect stayed "
                + percent(relative) + " from its threshold");
        return new Repetitions(c.betweenTrialMeans(), c.withinTrials(), c.betweenTrials(), c.intervalsPerTrial(),
                p.trialCostSec(), p.intervalSec(), p.secondsPerTrial(), p.capped(), p.target(), p.trialsNeeded(),
                p.reached(), p.currentHalfWidth(), relative, decide, sentence);
    }

    /** "5 trials of 2 s would narrow this interval to ±5% (now ±12% from 3 trials of 3 s)", and its variants. */
    static String sentence(RepetitionPlan.Plan p) {
        String plan = (p.reached() ? p.trialsNeeded() : "more than " + RepetitionPlan.MAX_TRIALS) + " trials of "
                + seconds(p.secondsPerTrial()) + " would " + (p.reached() ? "" : "be needed to ")
                + "narrow this interval to " + pct(p.target()) + " (now " + pct(p.currentHalfWidth()) + " from "
                + p.components().trials() + " trials of " + seconds(p.currentIntervals() * p.intervalSec()) + ")";
        if (!p.capped()) {
            return plan;
        }
        String why = p.components().betweenTrials() > 0 ? "the trials scatter little beyond what their intervals"
                + " predict" : "the trials scatter no more than their intervals predict";
        return why + ", so longer steps are worth more than more trials (capped at " + RepetitionPlan.MAX_LENGTHENING
                + "x now): " + plan;
    }

    private static String seconds(double s) {
        // interval lengths jitter by milliseconds: whole seconds unless a tenth shows
        return String.format(Locale.ROOT, s >= 10 || Math.abs(s - Math.rint(s)) < 0.05 ? "%.0f s" : "%.1f s", s);
    }

    private static String pct(double relative) {
        String p = percent(relative);
        return p.startsWith("over") ? "over ±" + p.substring(5) : "±" + p;
    }

    /** A relative figure as a percentage; "over 1000%" above {@value #MOST_PERCENT}. */
    private static String percent(double relative) {
        double p = relative * 100;
        if (p > MOST_PERCENT) {
            // from 2 trials t(1) = 12.7 multiplies the spread: a figure of that size says nothing more
            return "over " + MOST_PERCENT + "%";
        }
        return String.format(Locale.ROOT, p >= 10 || p == Math.rint(p) ? "%.0f%%" : "%.1f%%", p);
    }
}
