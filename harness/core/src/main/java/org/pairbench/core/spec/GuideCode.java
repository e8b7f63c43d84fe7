package org.pairbench.core.spec;

/**
 * Whether a variant runs the guide's code as written or a corrected form of it, for variants that stand for a
 * snippet of the migration guide. A corrected variant names what the guide wrote and the error that raises, so the
 * report can flag the original as broken.
 *
 * @param status   {@code as-written} or {@code corrected}
 * @param original the guide's code or call as written (empty when as-written)
 * @param error    what the original raises (empty when as-written)
 */
public record GuideCode(String status, String original, String error) {
    public static final String AS_WRITTEN = "as-written";
    public static final String CORRECTED = "corrected";

    public boolean corrected() {
        return CORRECTED.equals(status);
    }
}
