package org.pairbench.core.spec;

/**
 * Whether a variant runs the guide's code as written or a corrected form of it, for variants that stand for a
 * snippet of the migration guide. A corrected variant names the guide snippet it corrects (an id of
 * {@code python-targets/guide_snippets/snippets.yaml}); the harness runs that snippet, and the error it recorded is
 * what the report flags the original with, never a typed one.
 *
 * @param status   {@code as-written} or {@code corrected}
 * @param snippet  the guide snippet's id ({@code AS/use-hub}); empty when as-written
 * @param original the guide's code at fault, as written (the snippet's {@code fault}; empty when as-written)
 * @param error    what running the snippet recorded ({@code AttributeError: module 'eventlet' has no attribute
 *                 'use_hub'}); empty until a run (or {@code pairbench snippets}) ran it
 */
public record GuideCode(String status, String snippet, String original, String error) {
    public static final String AS_WRITTEN = "as-written";
    public static final String CORRECTED = "corrected";

    public boolean corrected() {
        return CORRECTED.equals(status);
    }

    /** This guide code with the error its snippet's run recorded. */
    public GuideCode withError(String recorded) {
        return new GuideCode(status, snippet, original, recorded);
    }
}
