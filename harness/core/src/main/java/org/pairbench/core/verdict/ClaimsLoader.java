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
 * Reads claim entries into {@link ClaimSpec}s, validated like a workload file: unknown fields are refused, the
 * source must name a guide page, a section and the words (or an outside source), the hypothesis must fit the
 * metric (a count is compared as a difference, anything else as a ratio), and every workload, variant, metric
 * and step must exist in the workload files, so a typo is a {@code file:line: field: problem} error instead of a
 * claim that silently never gets data. The step must be one of some profile of the workload (claims name the
 * full profile's steps); a run whose profile lacks it gives that claim {@code no-data}. The format is documented
 * at the top of {@code workloads/claims.yaml} and in {@code workloads/README.md}. Stateless.
 */
public final class ClaimsLoader {
    /** The claims file's name in the workloads directory. */
    public static final String FILE_NAME = WorkloadCatalog.CLAIMS_FILE;
    private static final Pattern CATALOG_ID = Pattern.compile("C[0-9]+");
    private static final String[] FIELDS = {"id", "claim", "source", "workload", "baseline", "candidate", "metric",
        "step", "hypothesis", "factor", "margin", "statistic"};

    private ClaimsLoader() {
    }

    /** The claims of the project whose workloads the catalog holds. */
    public static List<ClaimSpec> load(WorkloadCatalog catalog) {
        return load(catalog.workloadsDir().resolve(FILE_NAME), catalog);
    }

    /** A claims file ({@code claims:} and a list of entries) whose claims are the guide's catalog ids. */
    public static List<ClaimSpec> load(Path file, WorkloadCatalog catalog) {
        SpecNode root = SpecNode.load(file);
        root.allowOnly("claims");
        Map<String, Workload> cache = new HashMap<>();
        return entries(root.get("claims"), name -> workload(name, catalog, cache), null, true);
    }

    /**
     * A workload file's own claims: the mapping items of its {@code claims:} list (the others are catalog ids),
     * in this file's format; {@code workload:} may be left out (this workload), and {@code claim:} is any id.
     */
    public static List<ClaimSpec> own(Workload w) {
        SpecNode root = SpecNode.load(w.file());
        if (!root.has("claims")) {
            return List.of();
        }
        List<SpecNode> mine = root.get("claims").items().stream().filter(SpecNode::isMapping).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        java.util.function.Function<SpecNode, Workload> only = node -> {
            if (!node.nonEmptyText().equals(w.name())) {
                throw node.error("a workload file's own claims compare its own variants: leave workload out or "
                        + "write '" + w.name() + "'");
            }
            return w;
        };
        return entries(root.get("claims"), mine, only, w, false);
    }

    /**
     * The claim entries of a list node, each validated against the workload it names.
     *
     * @param list       the {@code claims:} list
     * @param workloads  resolves the {@code workload} field's node to the workload (or throws its error)
     * @param defaultWorkload the workload of an entry without {@code workload:}, or null when it is required
     * @param catalogIds true when {@code claim} must be a catalog id of the guide ({@code C3}); a user's own
     *                   claims may use any id without spaces
     */
    public static List<ClaimSpec> entries(SpecNode list, java.util.function.Function<SpecNode, Workload> workloads,
                                          Workload defaultWorkload, boolean catalogIds) {
        return entries(list, list.items(), workloads, defaultWorkload, catalogIds);
    }

    private static List<ClaimSpec> entries(SpecNode list, List<SpecNode> items,
                                           java.util.function.Function<SpecNode, Workload> workloads,
                                           Workload defaultWorkload, boolean catalogIds) {
        Set<String> ids = new HashSet<>();
        List<ClaimSpec> out = new ArrayList<>();
        for (SpecNode item : items) {
            ClaimSpec c = claim(item, workloads, defaultWorkload, catalogIds);
            if (!ids.add(c.id())) {
                throw item.get("id").error("claim id '" + c.id() + "' appears twice");
            }
            out.add(c);
        }
        if (out.isEmpty()) {
            throw list.error("list at least one claim");
        }
        return out;
    }

    private static ClaimSpec claim(SpecNode c, java.util.function.Function<SpecNode, Workload> workloads,
                                   Workload defaultWorkload, boolean catalogIds) {
        c.allowOnly(FIELDS);
        String claim = c.get("claim").nonEmptyText();
        if (catalogIds ? !CATALOG_ID.matcher(claim).matches() : claim.contains(" ") || claim.contains("/")) {
            throw c.get("claim").error("'" + claim + "' is not " + (catalogIds ? "a catalog id (C1, C2, ...)"
                    : "an id (no spaces or slashes)"));
        }
        String id = c.get("id").nonEmptyText();
        if (!id.startsWith(claim + "/") || id.length() == claim.length() + 1) {
            throw c.get("id").error("must be the claim id, a slash and a name for the comparison ('" + claim
                    + "/aiohttp')");
        }
        ClaimSource source = ClaimSources.read(c.get("source"));
        Workload w = defaultWorkload != null && !c.has("workload") ? defaultWorkload : workloads.apply(c.get("workload"));
        String baseline = variant(c.get("baseline"), w);
        String candidate = variant(c.get("candidate"), w);
        if (baseline.equals(candidate)) {
            throw c.get("candidate").error("must differ from the baseline");
        }
        Metric metric = c.get("metric").as(Metric::parse);
        String step = step(c.get("step"), w);
        String statistic = statistic(c);
        Hypothesis h = c.get("hypothesis").as(Hypothesis::parse);
        if (h.count() != metric.count()) {
            throw c.get("hypothesis").error(metric.count()
                    ? metric.key() + " is a count: compared as a difference, with 'fewer' or 'more'"
                    : "'" + h.key() + "' compares counts; " + metric.key() + " is compared as a ratio, with "
                    + "'better', 'not-worse' or 'same'");
        }
        if (statistic.equals(ClaimSpec.CV) && h.count()) {
            throw c.get("statistic").error("a spread is compared as a ratio: not with '" + h.key() + "'");
        }
        return new ClaimSpec(id, claim, source, w.name(), baseline, candidate, metric, step, h, factor(c, h),
                margin(c, h), statistic);
    }

    /** {@code factor}: required by {@code better} (at least 1), refused by the others. */
    private static double factor(SpecNode c, Hypothesis h) {
        if (h != Hypothesis.BETTER) {
            if (c.has("factor")) {
                throw c.get("factor").error("only a 'better' claim has a factor; '" + h.key() + "' takes a margin");
            }
            return Double.NaN;
        }
        double f = c.get("factor").as(ClaimsLoader::number);
        if (!(f >= 1)) {
            throw c.get("factor").error("must be at least 1 (1: any improvement; 1.1: better by 10% or more)");
        }
        return f;
    }

    /** {@code margin}: required and positive for not-worse and same, optional (0) for counts, refused by better. */
    private static double margin(SpecNode c, Hypothesis h) {
        if (h == Hypothesis.BETTER) {
            if (c.has("margin")) {
                throw c.get("margin").error("a 'better' claim takes a factor, not a margin");
            }
            return Double.NaN;
        }
        if (h.count() && !c.has("margin")) {
            return 0;
        }
        double m = c.get("margin").as(ClaimsLoader::number);
        if (h.count() ? m < 0 : !(m > 0)) {
            throw c.get("margin").error(h.count() ? "must be 0 or more (an absolute count)"
                    : "must be above 0 (a fraction: 0.05 = 5%)");
        }
        return m;
    }

    private static String statistic(SpecNode c) {
        if (!c.has("statistic")) {
            return ClaimSpec.MEAN;
        }
        String s = c.get("statistic").nonEmptyText();
        if (!s.equals(ClaimSpec.MEAN) && !s.equals(ClaimSpec.CV)) {
            throw c.get("statistic").error("must be '" + ClaimSpec.MEAN + "' or '" + ClaimSpec.CV + "'");
        }
        return s;
    }

    /** The catalog's workload a node names, or its error listing the known names. */
    public static Workload workload(SpecNode node, WorkloadCatalog catalog, Map<String, Workload> cache) {
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

    private static double number(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be a finite number");
        }
        return v;
    }
}
