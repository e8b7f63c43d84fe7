package org.pairbench.core.snippet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pairbench.core.spec.SpecNode;

/**
 * The guide snippets of a project: {@value #FILE_NAME} in {@code python-targets/guide_snippets/}, each entry
 * validated with {@code file:line: field: problem} errors (the file each names must exist and hold its fault).
 * Immutable once loaded; any thread.
 */
public final class GuideSnippets {
    public static final String DIR = "python-targets/guide_snippets";
    public static final String FILE_NAME = "snippets.yaml";
    /** Page keys of snippet ids, and the guide pages they stand for. */
    public static final Map<String, String> PAGES = Map.of("AS", "migrating-to-asyncio.md",
            "DE", "managing-migration-depth.md");
    private static final Pattern ID = Pattern.compile("(AS|DE)/[a-z0-9][a-z0-9-]*");
    private static final Set<String> OUTCOMES = Set.of(SnippetResult.RAISED,
            SnippetResult.EXITED, SnippetResult.RAN, SnippetResult.TIMED_OUT);

    private final Path dir;
    private final Map<String, GuideSnippet> snippets;

    private GuideSnippets(Path dir, Map<String, GuideSnippet> snippets) {
        this.dir = dir;
        this.snippets = snippets;
    }

    /**
     * The snippets of the project a workload file lies in: {@value #DIR} beside the file's directory
     * ({@code workloads/x.yaml} of a checkout), or null when there is none there.
     */
    public static GuideSnippets near(Path workloadFile) {
        Path dir = workloadFile.toAbsolutePath().normalize().getParent();
        Path project = dir == null ? null : dir.getParent();
        if (project == null || !Files.isRegularFile(project.resolve(DIR).resolve(FILE_NAME))) {
            return null;
        }
        return ofProject(project);
    }

    /** The snippets of the project at {@code projectDir}. */
    public static GuideSnippets ofProject(Path projectDir) {
        return load(projectDir.resolve(DIR).resolve(FILE_NAME));
    }

    public static GuideSnippets load(Path file) {
        SpecNode root = SpecNode.load(file).allowOnly("snippets");
        Path dir = file.toAbsolutePath().getParent();
        Map<String, GuideSnippet> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : root.get("snippets").entries().entrySet()) {
            out.put(e.getKey(), snippet(e.getKey(), e.getValue(), dir));
        }
        return new GuideSnippets(dir, Map.copyOf(out));
    }

    private static GuideSnippet snippet(String id, SpecNode n, Path dir) {
        if (!ID.matcher(id).matches()) {
            throw n.error("snippet id must be AS/<name> or DE/<name> (lower case, digits, dashes)");
        }
        n.allowOnly("file", "section", "fault", "harness", "needs", "timeout", "expect");
        SpecNode fileNode = n.get("file");
        String name = fileNode.nonEmptyText();
        Path file = dir.resolve(name).normalize();
        if (name.contains("/") || !Files.isRegularFile(file)) {
            throw fileNode.error("no file '" + name + "' in " + dir);
        }
        String fault = n.get("fault").nonEmptyText();
        String text = read(fileNode, file);
        if (!text.contains(fault)) {
            throw n.get("fault").error("'" + fault + "' is not in " + name);
        }
        boolean postgres = false;
        if (n.has("needs")) {
            if (!"postgres".equals(n.get("needs").nonEmptyText())) {
                throw n.get("needs").error("must be 'postgres' (or left out)");
            }
            postgres = true;
        }
        return new GuideSnippet(id, PAGES.get(id.substring(0, 2)), n.get("section").nonEmptyText(), file, fault,
                n.get("harness").nonEmptyText(), postgres, n.has("timeout") ? n.get("timeout").duration() : null,
                expectation(n.get("expect")));
    }

    private static GuideSnippet.Expectation expectation(SpecNode n) {
        n.allowOnly("outcome", "type", "pattern");
        String outcome = n.get("outcome").nonEmptyText();
        if (!OUTCOMES.contains(outcome)) {
            throw n.get("outcome").error("must be raised, exited, ran or timed-out");
        }
        String type = n.get("type").text().trim();
        if (SnippetResult.RAISED.equals(outcome) == type.isEmpty()) {
            throw n.get("type").error(type.isEmpty() ? "name the exception it raises" : "must be empty unless it raised");
        }
        Pattern pattern = n.get("pattern").as(p -> {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
            }
        });
        return new GuideSnippet.Expectation(outcome, type, pattern);
    }

    private static String read(SpecNode at, Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw at.error("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The directory holding the snippets and their drivers. */
    public Path dir() {
        return dir;
    }

    /** Every snippet, by id, in id order. */
    public Map<String, GuideSnippet> all() {
        return new TreeMap<>(snippets);
    }

    /** The snippet with this id, or null. */
    public GuideSnippet get(String id) {
        return snippets.get(id);
    }
}
