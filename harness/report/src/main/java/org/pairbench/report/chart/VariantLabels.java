package org.pairbench.report.chart;

import org.pairbench.core.spec.LoadProfile;

/**
 * How a variant's name reads on the page and in chart legends. An A/A twin ({@code aiohttp.aa}, the same service
 * measured again as a second arm to show this machine's noise) reads {@code aiohttp (A/A twin)}, so that nobody
 * takes it for another implementation. Stateless.
 */
public final class VariantLabels {
    private VariantLabels() {
    }

    /** Whether the variant is the A/A twin of another one. */
    public static boolean isTwin(String variant) {
        return variant != null && variant.endsWith(LoadProfile.AA_SUFFIX)
                && variant.length() > LoadProfile.AA_SUFFIX.length();
    }

    /** The name to show: the variant's own, or {@code <base> (A/A twin)} for a twin. */
    public static String display(String variant) {
        if (!isTwin(variant)) {
            return String.valueOf(variant);
        }
        return variant.substring(0, variant.length() - LoadProfile.AA_SUFFIX.length()) + " (A/A twin)";
    }

    /**
     * The name in a chart legend whose lines merge trials: flagged when one of them had an invalid generator, so
     * the chart warns even when seen without the page.
     */
    public static String legend(String variant, boolean hasInvalidTrial) {
        return display(variant) + (hasInvalidTrial ? " [INVALID trial]" : "");
    }
}
