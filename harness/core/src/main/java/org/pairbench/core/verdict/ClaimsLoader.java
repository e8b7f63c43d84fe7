package org.pairbench.core.verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pairbench.core.spec.LoadProfile;
import org.pairbench.core.spec.SpecNode;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;

/**
 * Reads {@code workloads/claims.yaml} into {@link ClaimSpec}s, validated like a workload file: unknown fields are
 * refused, and every workload, variant, metric and step must exist in the workload files, so a typo is a
 * {@code file:line: field: problem} error instead of a claim that silently never gets data. The step must be one
 * of some profile of the workload (claims name the full profile's steps); a run whose profile lacks it gives that
 * claim {@code no-data}. The format is documented in the file itself. Stateless.
 */
public final class ClaimsLoader {
    /** The claims file's name in the workloads directory. */
    public static final String FILE_NAME = WorkloadCatalog.CLAIMS_FILE;
    private static final Pattern CLAIM_ID = Pattern.compile("C[0-9]+");

    private ClaimsLoader() {
    }

    /** The claims of the project whose workloads the catalog holds. */
    public static List<ClaimSpec> load(WorkloadCatalog catalog) {
        return load(catalog.workloadsDir().resolve(FILE_NAME), catalog);
    }

    public static List<ClaimSpec> load(Path file, WorkloadCatalog catalog) {
        SpecNode root = SpecNode.load(file);
        root.allowOnly("claims");
        Map<String, Workload> workloads = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<ClaimSpec> out = new ArrayList<>();
        for (SpecNode item : root.get("claims").items()) {
            ClaimSpec c = claim(item, catalog, workloads);
            if (!ids.add(c.id())) {
                throw item.get("id").error("claim id '" + c.id() + "' appears twice");
            }
            out.add(c);
        }
        if (out.isEmpty()) {
            throw root.get("claims").error("list at least one claim");
        }
        return out;
    }

    private static ClaimSpec claim(SpecNode c, WorkloadCatalog catalog, Map<String, Workload> workloads) {
        c.allowOnly("id", "claim", "words", "page", "workload", "baseline", "candidate", "metric", "step",
                "direction", "threshold", "statistic");
        String claim = c.get("claim").nonEmptyText();
        if (!CLAIM_ID.matcher(claim).matches()) {
            throw c.get("claim").error("'" + claim + "' is not a catalog id (C1, C2, ...)");
        }
        String id = c.get("id").nonEmptyText();
        if (!id.startsWith(claim + "/") || id.length() == claim.length() + 1) {
            throw c.get("id").error("must be the claim id, a slash and a name for the comparison ('" + claim
                    + "/aiohttp')");
        }
        Workload w = workload(c.get("workload"), catalog, workloads);
        String baseline = variant(c.get("baseline"), w);
        String candidate = variant(c.get("candidate"), w);
        if (baseline.equals(candidate)) {
            throw c.get("candidate").error("must differ from the baseline");
        }
        Metric metric = c.get("metric").as(Metric::parse);
        String step = step(c.get("step"), w);
        String statistic = ClaimSpec.MEAN;
        if (c.has("statistic")) {
            statistic = c.get("statistic").nonEmptyText();
            if (!statistic.equals(ClaimSpec.MEAN) && !statistic.equals(ClaimSpec.CV)) {
                throw c.get("statistic").error("must be '" + ClaimSpec.MEAN + "' or '" + ClaimSpec.CV + "'");
            }
        }
        String direction = direction(c, metric, statistic);
        double threshold = c.get("threshold").as(ClaimsLoader::positive);
        return new ClaimSpec(id, claim, c.get("words").nonEmptyText(), c.get("page").nonEmptyText(), w.name(),
                baseline, candidate, metric, step, direction, threshold, statistic);
    }

    private static Workload workload(SpecNode node, WorkloadCatalog catalog, Map<String, Workload> cache) {
        String name = node.nonEmptyText();
        if (!catalog.workloadNames().contains(name)) {
            throw node.error("no workload named '" + name + "' (known: " + String.join(", ",
                    catalog.workloadNames()) + ")");
        }
        return cache.computeIfAbsent(name, n -> catalog.workload(n, null));
    }

    private static String variant(SpecNode node, Workload w) {
        String name = node.nonEmptyText();
        if (!w.variants().containsKey(name)) {
            throw node.error("workload " + w.name() + " has no variant named '" + name + "' (known: "
                    + String.join(", ", w.variants().keySet()) + ")");
        }
        return name;
    }

    private static String step(SpecNode node, Workload w) {
        String id = node.nonEmptyText();
        Set<String> known = new LinkedHashSet<>();
        for (LoadProfile p : w.profiles().values()) {
            for (StepSpec s : p.steps()) {
                known.add(s.id());
            }
        }
        if (!known.contains(id)) {
            LoadProfile full = w.profiles().get("full");
            List<String> shown = full == null ? List.copyOf(known) : full.steps().stream().map(StepSpec::id).toList();
            throw node.error("no profile of workload " + w.name() + " has a step '" + id + "' ("
                    + (full == null ? "its steps" : "the full profile's") + ": " + String.join(", ", shown) + ")");
        }
        return id;
    }

    private static String direction(SpecNode c, Metric metric, String statistic) {
        if (statistic.equals(ClaimSpec.CV)) {
            if (c.has("direction")) {
                throw c.get("direction").error("a 'cv' claim compares spreads: less is always better");
            }
            return ClaimSpec.LOWER_IS_BETTER;
        }
        if (!c.has("direction")) {
            return metric.higherIsBetter() ? ClaimSpec.HIGHER_IS_BETTER : ClaimSpec.LOWER_IS_BETTER;
        }
        String d = c.get("direction").nonEmptyText();
        if (!d.equals(ClaimSpec.HIGHER_IS_BETTER) && !d.equals(ClaimSpec.LOWER_IS_BETTER)) {
            throw c.get("direction").error("must be '" + ClaimSpec.HIGHER_IS_BETTER + "' or '"
                    + ClaimSpec.LOWER_IS_BETTER + "'");
        }
        return d;
    }

    private static double positive(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be a positive number (an improvement factor; 1.0: any "
                    + "improvement)");
        }
        return v;
    }
}
