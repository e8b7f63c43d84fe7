package org.pairbench.core.verdict;

import java.util.Arrays;

/**
 * What a claim states about the candidate against the baseline, and so which test its verdict is. Ratio
 * hypotheses compare the candidate's improvement factor (above 1: better); count hypotheses compare the
 * difference candidate minus baseline, because a ratio of counts can be 0 or infinite.
 *
 * <ul>
 *   <li>{@link #BETTER}: superiority: the candidate better by at least {@code factor} (&gt;= 1; 1: any gain).
 *   <li>{@link #NOT_WORSE}: non-inferiority: the candidate worse by at most {@code margin} (0.05: 5%).
 *   <li>{@link #SAME}: equivalence: the whole interval inside {@code [1/(1+margin), 1+margin]}.
 *   <li>{@link #FEWER} / {@link #MORE}: a count (connections, sessions, threads, file descriptors): the
 *       candidate has fewer (more) than the baseline; {@code margin} is absolute, in the metric's unit, how far
 *       the difference may fall on the wrong side and still count (default 0: strictly fewer or more).
 * </ul>
 */
public enum Hypothesis {
    BETTER("better", false),
    NOT_WORSE("not-worse", false),
    SAME("same", false),
    FEWER("fewer", true),
    MORE("more", true);

    private final String key;
    private final boolean count;

    Hypothesis(String key, boolean count) {
        this.key = key;
        this.count = count;
    }

    public String key() {
        return key;
    }

    /** True for the hypotheses on a difference of counts, false for those on a ratio. */
    public boolean count() {
        return count;
    }

    public static Hypothesis parse(String key) {
        for (Hypothesis h : values()) {
            if (h.key.equals(key)) {
                return h;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a hypothesis (known: "
                + String.join(", ", Arrays.stream(values()).map(Hypothesis::key).toList()) + ")");
    }
}
