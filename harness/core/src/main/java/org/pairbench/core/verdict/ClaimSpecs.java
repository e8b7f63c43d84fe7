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
        Map<String, Path> fileOfId = new HashMap<>();
        Path project = catalog.workloadsDir().resolve(ClaimsLoader.FILE_NAME);
        if (Files.isRegularFile(project)) {
            add(byId, fileOfId, ClaimsLoader.load(project, catalog), project);
        }
        for (Workload w : workloads) {
            if (w.file() != null && Files.isRegularFile(w.file())) {
                add(byId, fileOfId, ClaimsLoader.own(w), w.file());
            }
        }
        Map<String, Workload> cache = new HashMap<>();
        workloads.forEach(w -> cache.put(w.name(), w));
        for (Path file : claimFiles) {
            SpecNode root = SpecNode.load(file);
            root.allowOnly("claims");
            add(byId, fileOfId, ClaimsLoader.entries(root.get("claims"), node -> cache.containsKey(node.nonEmptyText())
                    ? cache.get(node.nonEmptyText()) : ClaimsLoader.workload(node, catalog, cache), null, false), file);
        }
        return new ArrayList<>(byId.values());
    }

    private static void add(Map<String, ClaimSpec> byId, Map<String, Path> fileOfId, List<ClaimSpec> specs,
                            Path file) {
        for (ClaimSpec c : specs) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw duplicate(file, c.id(), fileOfId.get(c.id()));
            }
            fileOfId.put(c.id(), file);
        }
    }

    /**
     * The error for an id already taken by an earlier file, at the line of the entry that repeats it: the loaders
     * hand back specs without their lines, so the entry is found again in the file (it loaded a moment ago).
     */
    private static SpecException duplicate(Path file, String id, Path first) {
        String problem = "claim id '" + id + "' is also in " + first;
        SpecNode claims = SpecNode.load(file).get("claims");
        for (SpecNode item : claims.items()) {
            if (item.has("id") && id.equals(item.get("id").nonEmptyText())) {
                return item.get("id").error(problem);
            }
        }
        return claims.error(problem);
    }
}
