package org.pairbench.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.verdict.ClaimVerdict;
import org.pairbench.core.verdict.ClaimsJudge;
import org.pairbench.core.verdict.ClaimsReport;
import org.pairbench.core.verdict.OneTrialReading;
import org.pairbench.core.verdict.VerdictRule;
import org.pairbench.core.verdict.VerdictText;

/**
 * The last table of a one-trial run (the quick suite): per claim, the effect this machine measured in its one
 * paired trial beside the published reference's verdict and effect ({@code results/reference/claims.json}), and
 * whether the two readings lie on the same side of the claim's threshold. A first look that connects what the
 * user just measured with the published verdicts; it judges nothing. Stateless.
 */
public final class ReferenceComparisonTable {
    private static final String[] HEADER = {"claim", "hypothesis", "here (1 trial)", "reference", "ref. effect",
        "same way"};

    private ReferenceComparisonTable() {
    }

    /**
     * @param run       this run's results
     * @param here      this run's claims (as judged on it: no-data for want of trials)
     * @param reference the published reference's claims.json, or null
     * @param problem   why there is no reference, when it is null
     */
    public static String render(RunSummary run, ClaimsReport here, ClaimsReport reference, String problem) {
        if (here == null || here.claims().isEmpty()) {
            return "";
        }
        if (reference == null) {
            return "\nNo comparison with the published reference: " + problem + "\n";
        }
        Map<String, ClaimVerdict> published = reference.claims().stream()
                .collect(Collectors.toMap(ClaimVerdict::id, Function.identity(), (x, y) -> x));
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        int same = 0;
        int compared = 0;
        for (ClaimVerdict c : here.claims()) {
            OneTrialReading r = OneTrialReading.of(run, c);
            ClaimVerdict ref = published.get(c.id());
            String way = "-";
            if (r.effect() != null && ref != null && ref.effect() != null) {
                compared++;
                boolean agrees = OneTrialReading.side(c, r.effect()).equals(OneTrialReading.side(c, ref.effect()));
                same += agrees ? 1 : 0;
                way = agrees ? "yes" : "no";
            }
            rows.add(new String[] {c.id(), VerdictText.hypothesis(c),
                r.effect() != null ? effect(c, r.effect()) : r.note(),
                ref == null ? "not in reference" : ref.verdict() + (ref.broken() ? " +broken" : ""),
                ref == null || ref.effect() == null ? "-" : effect(c, ref.effect()), way});
        }
        return "\nThis machine vs the published reference (" + reference.runId() + "): the effect of one paired "
                + "trial here beside the reference's verdict and effect\n  (same way: both on the same side of the "
                + "claim's threshold; one trial is a first look, not a verdict: --suite full judges)\n"
                + TextTable.render(rows, i -> i == 2 || i == 4)
                + "  " + same + " of " + compared + " claims compared point the same way as the reference; "
                + (here.claims().size() - compared) + " not compared (a step only the full profile measures, no "
                + "valid pair here, or no effect in the reference)\n";
    }

    private static String effect(ClaimVerdict c, double effect) {
        return c.difference() ? VerdictRule.num(effect) + " " + c.unit() : ClaimsJudge.factor(effect) + "x";
    }
}
