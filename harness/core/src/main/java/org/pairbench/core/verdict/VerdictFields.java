package org.pairbench.core.verdict;

import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.WorkloadResult;

/**
 * The fields every verdict on one claim shares (the claim, its source and hypothesis, the workload, the broken
 * flag); builds the two shapes of {@link ClaimVerdict}, with and without measured data. Immutable.
 *
 * @param spec      the claim
 * @param w         its workload's results
 * @param guideCode what the guide's original raises when a compared variant runs corrected guide code, else null
 */
record VerdictFields(ClaimSpec spec, WorkloadResult w, String guideCode) {
    ClaimVerdict noData(String reason) {
        return build(ClaimVerdict.NO_DATA, reason, null, List.of(), new double[0], new double[0], null, null);
    }

    ClaimVerdict measured(String verdict, String reason, PairedInterval.Estimate e, List<Integer> pairs,
                          double[] av, double[] bv, ClaimsReport.AaSeries aa, Repetitions repetitions) {
        return build(verdict, reason, e, pairs, av, bv, aa == null ? null : aa.check(), repetitions);
    }

    private ClaimVerdict build(String verdict, String reason, PairedInterval.Estimate e, List<Integer> pairs,
                               double[] av, double[] bv, ClaimVerdict.AaCheck aa, Repetitions repetitions) {
        Hypothesis h = spec.hypothesis();
        return new ClaimVerdict(spec.id(), spec.claim(), spec.source(), spec.workload(), spec.baseline(),
                spec.candidate(), spec.metric().key(), spec.step(), spec.metric().unit(), spec.direction(),
                spec.statistic(), h.key(), h == Hypothesis.BETTER ? spec.factor() : null,
                h == Hypothesis.BETTER ? null : spec.margin(),
                h.count() ? ClaimVerdict.DIFFERENCE : ClaimVerdict.RATIO, verdict, reason,
                e == null ? null : e.effect(), e == null ? null : e.low(), e == null ? null : e.high(),
                PairedInterval.CONFIDENCE, pairs.size(), pairs, boxed(av), boxed(bv), aa, guideCode != null,
                guideCode, "#w-" + w.workload(), repetitions);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
