package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pairbench.core.result.GeneratorHealth;
import org.pairbench.core.result.LatencySummary;
import org.pairbench.core.result.OutcomeCounts;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.VariantInfo;
import org.pairbench.core.result.WorkloadResult;
import org.pairbench.core.spec.GuideCode;

/** Constructed results for verdict tests: one workload, steps with a chosen throughput and p99 per trial. */
final class Runs {
    static final String WORKLOAD = "demo";
    static final String STEP = "hello-closed-64c";

    private final List<StepResult> steps = new ArrayList<>();
    private final List<VariantInfo> variants = new ArrayList<>();

    /** A variant that ran the guide's code as written (or a plain one). */
    Runs variant(String name) {
        variants.add(new VariantInfo(name, name, List.of("x"), Map.of(), null));
        return this;
    }

    /** A variant that runs corrected guide code. */
    Runs corrected(String name, String error) {
        variants.add(new VariantInfo(name, name, List.of("x"), Map.of(),
                new GuideCode(GuideCode.CORRECTED, "AS/use-hub", "eventlet.use_hub('asyncio')", error)));
        return this;
    }

    /** One value per trial (1, 2, ...) of {@code variant} at {@link #STEP}: throughput, and p99 = 1e6 / it. */
    Runs throughput(String variant, double... perTrial) {
        for (int i = 0; i < perTrial.length; i++) {
            steps.add(step(variant, i + 1, STEP, perTrial[i], true));
        }
        return this;
    }

    /** Upstream connections opened per trial at {@link #STEP}, over 1000 upstream requests each. */
    Runs upstream(String variant, long... connectionsPerTrial) {
        for (int i = 0; i < connectionsPerTrial.length; i++) {
            StepResult s = step(variant, i + 1, STEP, 100, true);
            steps.add(new StepResult(s.variant(), s.trial(), s.step(), s.mode(), s.request(), s.connections(),
                    s.intendedRatePerSec(), s.achievedRatePerSec(), s.measureSec(), s.counts(), s.corrected(),
                    s.uncorrected(), s.sendLag(), s.generator(), s.target(), s.hlog(), s.status(), s.error(), null,
                    null, new StepResult.UpstreamCounts(connectionsPerTrial[i], 1000), null));
        }
        return this;
    }

    Runs invalid(String variant, int trial, double throughput) {
        steps.add(step(variant, trial, STEP, throughput, false));
        return this;
    }

    static StepResult step(String variant, int trial, String step, double throughput, boolean valid) {
        long ok = Math.round(throughput);
        double p99 = 1e6 / throughput;
        LatencySummary lat = new LatencySummary(ok, p99 / 2, p99 / 2, p99 / 1.5, p99, p99 * 1.2, p99 * 2);
        return new StepResult(variant, trial, step, "closed", "hello", 64, null, throughput, 1.0,
                new OutcomeCounts(ok, 0, 0, 0, 0, 0), lat, lat, lat,
                new GeneratorHealth(0.1, 10, 20, valid, valid ? null : "generator lag 5ms"), null, "h.hlog",
                StepResult.OK, null);
    }

    WorkloadResult workload() {
        return new WorkloadResult(WORKLOAD, "d", List.of("C3"), "full", variants,
                new ParityResult(ParityResult.PASSED, List.of(), null), steps, List.of());
    }

    RunSummary summary() {
        return new RunSummary(RunSummary.SCHEMA, "r1", RunSummary.COMPLETE, "t0", "t1", "full", "local",
                List.of(workload()));
    }

    static final ClaimSource SOURCE = new ClaimSource("AS", "Conclusion", "words", null);

    /** A claim on {@link #STEP}: {@code bound} is the factor of a better claim, else the margin. */
    static ClaimSpec spec(String baseline, String candidate, Metric metric, Hypothesis h, double bound,
                          String statistic) {
        return new ClaimSpec("C3/" + candidate, "C3", SOURCE, WORKLOAD, baseline, candidate, metric, STEP, h,
                h == Hypothesis.BETTER ? bound : Double.NaN, h == Hypothesis.BETTER ? Double.NaN : bound, statistic);
    }

    static ClaimSpec better(String baseline, String candidate, Metric metric, double factor) {
        return spec(baseline, candidate, metric, Hypothesis.BETTER, factor, ClaimSpec.MEAN);
    }
}
