package org.pairbench.core.result;

import java.nio.file.Path;

/**
 * Where each file of a results directory lives. The runner writes and the report reads through this class only,
 * so the layout is defined once:
 * <pre>
 * run.json                                      run metadata (see RunMetadata)
 * summary.json                                  figures (see RunSummary)
 * claims.json                                   a verdict per claim (see verdict.ClaimsReport)
 * hlog/&lt;workload&gt;/&lt;variant&gt;/t&lt;trial&gt;/&lt;step&gt;.hlog   HdrHistogram interval logs
 * logs/&lt;workload&gt;/&lt;variant&gt;-t&lt;trial&gt;.log         target stdout and stderr
 * charts/&lt;workload&gt;/*.png, *.svg                 charts
 * index.html                                    the page showing it all
 * </pre>
 */
public record ResultLayout(Path dir) {
    public Path runJson() {
        return dir.resolve("run.json");
    }

    public Path summaryJson() {
        return dir.resolve("summary.json");
    }

    /** The claims' verdicts, computed from summary.json and workloads/claims.yaml. */
    public Path claimsJson() {
        return dir.resolve("claims.json");
    }

    /** Path of an interval log relative to the results directory, as stored in {@code summary.json}. */
    public static String hlogRelative(String workload, String variant, int trial, String step) {
        return "hlog/" + workload + "/" + variant + "/t" + trial + "/" + step + ".hlog";
    }

    public Path resolve(String relative) {
        return dir.resolve(relative);
    }

    public Path targetLog(String workload, String variant, int trial) {
        return dir.resolve("logs").resolve(workload).resolve(variant + "-t" + trial + ".log");
    }

    public Path chartsDir(String workload) {
        return dir.resolve("charts").resolve(workload);
    }

    public Path indexHtml() {
        return dir.resolve("index.html");
    }
}
