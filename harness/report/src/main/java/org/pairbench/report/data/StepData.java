package org.pairbench.report.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pairbench.core.record.LatencyView;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.StepResult;

/**
 * What the two per-step charts of a step id show, read from the {@code .hlog} files of every variant and trial
 * that completed that step, and what a reader must be warned about (trials left out, files missing, an invalid
 * generator).
 *
 * @param stepId      the step id
 * @param percentiles per variant with data: corrected then uncorrected
 * @param timelines   per variant with data
 * @param caption     which trials and how many responses each variant's lines merge
 * @param warnings    trials failed, missing or damaged files, invalid generator
 * @param invalid     variants whose lines include a trial with an invalid generator (their legend says so)
 */
public record StepData(String stepId, List<PercentileSeries> percentiles, List<LatencyTimeline> timelines,
                       String caption, List<String> warnings, Set<String> invalid) {

    public StepData {
        percentiles = List.copyOf(percentiles);
        timelines = List.copyOf(timelines);
        warnings = List.copyOf(warnings);
        invalid = Set.copyOf(invalid);
    }

    /**
     * @param variants variant names in display order
     * @param steps    the results of one step id (any variant and trial)
     */
    public static StepData load(ResultLayout layout, String workload, List<String> variants, List<StepResult> steps) {
        String stepId = steps.isEmpty() ? "" : steps.get(0).step();
        List<PercentileSeries> percentiles = new ArrayList<>();
        List<LatencyTimeline> timelines = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> invalid = new LinkedHashSet<>();
        for (String variant : variants) {
            List<StepResult> mine = steps.stream().filter(s -> variant.equals(s.variant())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            StepLatencies latencies = new StepLatencies(variant);
            for (StepResult s : mine) {
                if (!StepResult.OK.equals(s.status())) {
                    warnings.add(variant + " trial " + s.trial() + " did not complete this step: left out.");
                    continue;
                }
                if (s.generator() != null && !s.generator().valid()) {
                    // The lines merge trials, so the trial cannot be left out of them: say so, and what it means.
                    invalid.add(variant);
                    warnings.add(variant + " trial " + s.trial() + ": generator INVALID ("
                            + s.generator().invalidReason() + "). Its requests are in these lines, marked "
                            + "[INVALID trial] in the legend: latency there may be the generator's delay, not the "
                            + "service's.");
                }
                latencies.addLog(hlogPath(layout, workload, s), "trial " + s.trial());
            }
            warnings.addAll(latencies.problems());
            PercentileSeries.of(variant, LatencyView.CORRECTED, latencies.measured(LatencyView.CORRECTED))
                    .ifPresent(percentiles::add);
            PercentileSeries.of(variant, LatencyView.UNCORRECTED, latencies.measured(LatencyView.UNCORRECTED))
                    .ifPresent(percentiles::add);
            LatencyTimeline timeline = LatencyTimeline.of(latencies);
            if (!timeline.isEmpty()) {
                timelines.add(timeline);
            }
            captions.add(String.format(Locale.ROOT, "%s: %d of %d trial(s), %,d measured responses", variant,
                    latencies.logsRead(), mine.size(), latencies.measured(LatencyView.CORRECTED).getTotalCount()));
        }
        String caption = "Trials merged per variant \u2014 " + String.join("; ", captions) + ".";
        return new StepData(stepId, percentiles, timelines, caption, warnings, invalid);
    }

    /**
     * The step's interval log: as recorded in the summary, or where the layout puts it when none is recorded (or
     * the recorded path would lead out of the results directory).
     */
    static Path hlogPath(ResultLayout layout, String workload, StepResult s) {
        Path fallback = layout.resolve(ResultLayout.hlogRelative(workload, s.variant(), s.trial(), s.step()));
        if (s.hlog() == null || s.hlog().isBlank()) {
            return fallback;
        }
        Path dir = layout.dir().toAbsolutePath().normalize();
        Path recorded = dir.resolve(s.hlog()).normalize();
        return recorded.startsWith(dir) ? recorded : fallback;
    }
}
