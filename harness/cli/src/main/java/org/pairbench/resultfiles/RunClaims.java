package org.pairbench.resultfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.result.RunMetadata;
import org.pairbench.core.spec.Workload;
import org.pairbench.core.spec.WorkloadCatalog;
import org.pairbench.core.spec.WorkloadLoader;
import org.pairbench.core.verdict.ClaimSpec;
import org.pairbench.core.verdict.ClaimSpecs;

/**
 * The claims a results directory is judged by: the project's {@code workloads/claims.yaml}, the own claims of the
 * workload files the run measured (found through run.json's {@code file}, when the file is still there), and
 * {@code --claims} files ({@link ClaimSpecs}). Used by {@code run}, {@code report} and {@code compare}, so that the
 * three judge alike. Stateless.
 */
public final class RunClaims {
    private RunClaims() {
    }

    public static List<ClaimSpec> specs(Path projectDir, RunMetadata run, List<Path> claimFiles) {
        WorkloadCatalog catalog = new WorkloadCatalog(projectDir.resolve("workloads"));
        List<Workload> workloads = new ArrayList<>();
        if (run != null) {
            for (JsonNode w : run.workloads()) {
                Path file = w.hasNonNull("file") ? Path.of(w.get("file").asText()) : null;
                if (file != null && Files.isRegularFile(file)) {
                    workloads.add(WorkloadLoader.load(file));
                }
            }
        }
        return ClaimSpecs.load(catalog, workloads, claimFiles);
    }
}
