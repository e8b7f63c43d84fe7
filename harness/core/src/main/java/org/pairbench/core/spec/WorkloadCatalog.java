package org.pairbench.core.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pairbench.core.snippet.GuideSnippets;

/**
 * The workload and suite files of a project directory: {@code workloads/*.yaml} and
 * {@code workloads/suites/*.yaml}. Resolves what users type ({@code quick}, {@code http-hello}, or a path to a
 * file of their own) to loaded specs. Stateless apart from the directory it points at.
 */
public final class WorkloadCatalog {
    private final Path workloadsDir;

    public WorkloadCatalog(Path workloadsDir) {
        this.workloadsDir = workloadsDir;
    }

    public Path workloadsDir() {
        return workloadsDir;
    }

    /** A suite by name or by path to a suite file. */
    public Suite suite(String nameOrFile) {
        Path file = looksLikeFile(nameOrFile) ? Path.of(nameOrFile)
                : workloadsDir.resolve("suites").resolve(nameOrFile + ".yaml");
        if (!looksLikeFile(nameOrFile) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no suite named '" + nameOrFile + "' (known: "
                    + String.join(", ", names(workloadsDir.resolve("suites"))) + ")");
        }
        return SuiteLoader.load(file);
    }

    /**
     * A workload by name or by path; a relative workload path inside a suite file is taken relative to that
     * file's directory.
     */
    public Workload workload(String nameOrFile, Path relativeTo) {
        if (looksLikeFile(nameOrFile)) {
            Path file = Path.of(nameOrFile);
            if (!file.isAbsolute() && relativeTo != null) {
                file = relativeTo.resolve(file);
            }
            return WorkloadLoader.load(file.normalize(), snippets());
        }
        Path file = workloadsDir.resolve(nameOrFile + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no workload named '" + nameOrFile + "' (known: "
                    + String.join(", ", workloadNames()) + ")");
        }
        return WorkloadLoader.load(file, snippets());
    }

    /**
     * The guide snippets of this catalog's project ({@code python-targets/} beside the workloads directory), which
     * the {@code guide:} blocks of its workloads, and of a user's own workload files, name; null when absent.
     */
    public GuideSnippets snippets() {
        Path project = workloadsDir.toAbsolutePath().normalize().getParent();
        if (project == null || !Files.isRegularFile(project.resolve(GuideSnippets.DIR)
                .resolve(GuideSnippets.FILE_NAME))) {
            return null;
        }
        return GuideSnippets.ofProject(project);
    }

    /** The workload files of the directory: every {@code .yaml} but {@value #CLAIMS_FILE}, which holds claims. */
    public List<String> workloadNames() {
        List<String> out = new ArrayList<>(names(workloadsDir));
        out.remove(CLAIMS_FILE.replaceFirst("\\.yaml$", ""));
        return out;
    }

    /** The claims file in the workloads directory (read by the verdict code, not a workload). */
    public static final String CLAIMS_FILE = "claims.yaml";

    public List<String> suiteNames() {
        return names(workloadsDir.resolve("suites"));
    }

    private static boolean looksLikeFile(String s) {
        return s.endsWith(".yaml") || s.endsWith(".yml") || s.contains("/");
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .forEach(f -> out.add(f.getFileName().toString().replaceFirst("\\.yaml$", "")));
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
