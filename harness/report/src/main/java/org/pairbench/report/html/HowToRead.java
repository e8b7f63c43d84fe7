package org.pairbench.report.html;

/** The short guide to the charts and tables, so the page explains itself. Text only, constant. */
final class HowToRead {
    static final String[][] ENTRIES = {
            {"Corrected and uncorrected latency",
                    "Corrected latency runs from the moment a request was due to be sent (its place in the schedule) "
                            + "to the last byte of the response: what a client of a real service would wait. "
                            + "Uncorrected latency starts when the request was actually sent. When the server stalls, "
                            + "requests queue up and wait to be sent; only the corrected view counts that wait. "
                            + "The gap between the solid (corrected) and dashed (uncorrected) lines is that hidden "
                            + "waiting, called coordinated omission. Trust the corrected lines; a large gap means the "
                            + "server (or, for an invalid step, the generator) fell behind."},
            {"Why the percentile axis is stretched",
                    "The x axis of a percentile chart is 1/(1\u2212p) on a log scale: 90%, 99%, 99.9%, 99.99% are "
                            + "equally spaced, one decade each. On a plain axis the tail, where the slow requests "
                            + "are, would be squeezed into the right edge. A line that rises steeply on the right "
                            + "means a few requests were much slower than the rest. The line ends at the slowest "
                            + "request, placed at the percentile the number of samples can resolve."},
            {"Latency over time",
                    "p50 (dashed), p99 (solid) and the maximum (faded) of each 1-second interval, trials merged. "
                            + "Faded lines left of the vertical line are the warm-up, recorded but not part of the "
                            + "figures; a gap in a line is a second in which no response arrived."},
            {"Throughput vs p99",
                    "Achieved requests per second against corrected p99 (log scale), one diamond per step "
                            + "(the median of its trials, labelled with the step's connections or intended rate) "
                            + "and one faded dot per trial. For the closed-loop sweep, adding connections raises "
                            + "throughput until the service saturates; past that knee only latency grows, and the "
                            + "line turns upward. Crosses are trials whose generator was invalid."},
            {"Invalid steps",
                    "A step is INVALID when the load generator itself, not the service, fell behind its schedule or "
                            + "ran out of CPU. Its figures are kept but do not describe the service; compare "
                            + "variants on valid steps only."},
            {"Errors",
                    "Timeouts, non-2xx answers, resets and bad responses are requests and stay in the latency "
                            + "figures (a timeout counts at the timeout value). Connect errors are failed connection "
                            + "attempts."},
    };

    private HowToRead() {
    }

    static void write(Html h) {
        h.open("section", "id", "how-to-read").newline();
        h.element("h2", "How to read these charts").newline();
        h.open("dl", "class", "how").newline();
        for (String[] entry : ENTRIES) {
            h.element("dt", entry[0]).element("dd", entry[1]).newline();
        }
        h.close("dl").newline();
        h.close("section").newline();
    }
}
