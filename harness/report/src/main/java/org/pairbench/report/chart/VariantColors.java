package org.pairbench.report.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One colour per variant name for every chart of a run (and the swatches of the HTML page), assigned in order of
 * first appearance. The palette is Okabe and Ito's, which stays distinguishable with the common forms of colour
 * blindness; it repeats after eight variants. Not thread-safe.
 */
public final class VariantColors {
    private static final Color[] PALETTE = {
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0xB8A200), // darkened yellow, readable on white
    };

    private final Map<String, Color> assigned = new LinkedHashMap<>();

    /** The variant's colour, assigning the next free one on first use. */
    public Color of(String variant) {
        return assigned.computeIfAbsent(variant, v -> PALETTE[assigned.size() % PALETTE.length]);
    }

    /** The same colour, see-through: for secondary lines (max, warm-up) and per-trial points. */
    public Color faded(String variant, int alpha) {
        Color c = of(variant);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** CSS form of the variant's colour, e.g. {@code #0072b2}. */
    public String css(String variant) {
        return String.format(java.util.Locale.ROOT, "#%06x", of(variant).getRGB() & 0xFFFFFF);
    }
}
