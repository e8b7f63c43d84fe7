package org.pairbench.core.verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pairbench.core.spec.SpecException;
import org.pairbench.core.spec.SpecNode;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;

/**
 * Every claim that bears on a run, from three places, all in the format of {@code workloads/claims.yaml} and
 * validated alike ({@code file:line: field: problem}): the project's {@code claims.yaml} (the guide's claims), each
 * measured workload file's own claims (the mapping items of its {@code claims:} list), and claims files given with
 * {@code --claims FILE}, whose entries may name the catalog's workloads or the run's own workload files. A claim id
 * may appear only once over all of them. Stateless.
 */
public final class ClaimSpecs {
    private ClaimSpecs() {
    }

    /**
     * @param catalog    the project's workloads directory (its claims.yaml, when present)
     * @param workloads  the run's workloads (their files may carry claims of their own)
     * @param claimFiles more claims files ({@code --claims})
     */
    public static List<ClaimSpec> load(WorkloadCatalog catalog, List<Workload> workloads, List<Path> claimFiles) {
        Map<String, ClaimSpec> byId = new LinkedHashMap<>();
        Path project = catalog.workloadsDir().resolve(ClaimsLoader.FILE_NAME);
        if (Files.isRegularFile(project)) {
            add(byId, ClaimsLoader.load(project, catalog), project);
        }
        for (Workload w : workloads) {
            if (w.file() != null && Files.isRegularFile(w.file())) {
                add(byId, ClaimsLoader.own(w), w.file());
            }
        }
        Map<String, Workload> cache = new HashMap<>();
        workloads.forEach(w -> cache.put(w.name(), w));
        for (Path file : claimFiles) {
            SpecNode root = SpecNode.load(file);
            root.allowOnly("claims");
            add(byId, ClaimsLoader.entries(root.get("claims"), node -> cache.containsKey(node.nonEmptyText())
                    ? cache.get(node.nonEmptyText()) : ClaimsLoader.workload(node, catalog, cache), null, false), file);
        }
        return new ArrayList<>(byId.values());
    }

    private static void add(Map<String, ClaimSpec> byId, List<ClaimSpec> specs, Path file) {
        for (ClaimSpec c : specs) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw new SpecException(file, 0, "claims", "claim id '" + c.id() + "' is also in another claims file");
            }
        }
    }
}
