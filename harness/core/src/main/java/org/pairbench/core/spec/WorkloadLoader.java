package org.pairbench.core.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pairbench.core.net.LoopbackGuard;
import org.pairbench.core.snippet.GuideSnippet;
import org.pairbench.core.snippet.GuideSnippets;

/**
 * Reads a workload file into a {@link Workload}, validating every field and naming file, line and field on the
 * first problem. The format is documented in {@code workloads/README.md}. Stateless; safe from any thread.
 */
public final class WorkloadLoader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");
    /** Placeholders the runtime fills in itself; any other must be a setting. */
    static final Set<String> RUNTIME_PLACEHOLDERS = Set.of("port", "host", "python", "targets");
    /** Filled by the runner with the base URL of the in-harness upstream server. */
    public static final String UPSTREAM = "upstream";
    /** Filled by the runner: this JVM's java executable and class path (to run the harness's own servers). */
    public static final Set<String> HARNESS_PLACEHOLDERS = Set.of("java", "harness-classpath");
    /** Filled by the runner with the throwaway PostgreSQL cluster of a {@code database: postgres} workload. */
    public static final Set<String> DATABASE_PLACEHOLDERS = Set.of("pg-host", "pg-port", "pg-user", "pg-database",
            "pg-dsn");
    public static final String POSTGRES = "postgres";

    private WorkloadLoader() {
    }

    /**
     * A workload file, its guide snippet ids looked up in the project it lies in (the {@code python-targets/} beside
     * its directory), if there is one.
     */
    public static Workload load(Path file) {
        return load(file, GuideSnippets.near(file));
    }

    /** A workload file, its guide snippet ids looked up in {@code snippets} (null: none can be named). */
    public static Workload load(Path file, GuideSnippets snippets) {
        SpecNode root = SpecNode.load(file);
        root.allowOnly("name", "kind", "description", "claims", "protocol", "database", "requests", "parity",
                "settings", "upstream", "variants", "profiles");
        String name = name(root.get("name"));
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!name.equals(expected)) {
            throw root.get("name").error("must match the file name ('" + expected + "')");
        }
        String description = root.has("description") ? root.get("description").nonEmptyText() : "";
        List<String> claims = root.has("claims") ? catalogIds(root.get("claims")) : List.of();
        WorkloadKind kind = root.has("kind") ? root.get("kind").as(WorkloadKind::parse) : WorkloadKind.SERVICE;
        if (kind == WorkloadKind.INPROCESS) {
            return InProcessLoader.load(root, file, name, description, claims, snippets);
        }
        Protocol protocol = root.has("protocol") ? root.get("protocol").as(Protocol::parse) : Protocol.HTTP;
        String database = null;
        if (root.has("database")) {
            database = root.get("database").nonEmptyText();
            if (!database.equals(POSTGRES)) {
                throw root.get("database").error("'" + database + "' is not supported (postgres)");
            }
        }
        Map<String, RequestSpec> requests = RequestLoader.requests(root.get("requests"), protocol);
        List<String> parity = new ArrayList<>();
        if (root.has("parity")) {
            for (SpecNode item : root.get("parity").itemsOrSingle()) {
                parity.add(reference(item, requests.keySet(), "request"));
            }
        }
        Map<String, String> shared = root.has("settings") ? root.get("settings").stringMap() : Map.of();
        boolean upstream = root.has("upstream");
        if (upstream) {
            root.get("upstream").allowOnly();
        }
        Set<String> provided = new java.util.HashSet<>(HARNESS_PLACEHOLDERS);
        if (upstream) {
            provided.add(UPSTREAM);
        }
        if (database != null) {
            provided.addAll(DATABASE_PLACEHOLDERS);
        }
        Map<String, VariantSpec> variants = variants(root.get("variants"), shared, provided, true, snippets);
        Map<String, LoadProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : root.get("profiles").entries().entrySet()) {
            profiles.put(e.getKey(), ProfileLoader.profile(name(e.getValue(), e.getKey()), e.getValue(),
                    requests.keySet(), variants.keySet()));
        }
        if (profiles.isEmpty()) {
            throw root.get("profiles").error("define at least one profile");
        }
        return new Workload(name, file, description, claims, requests, parity, variants, profiles, upstream, protocol,
                database);
    }

    static String name(SpecNode node) {
        return name(node, node.nonEmptyText());
    }

    static String name(SpecNode node, String value) {
        if (!NAME.matcher(value).matches()) {
            throw node.error("'" + value + "' must be lower case letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    static String reference(SpecNode node, Set<String> known, String what) {
        String value = node.nonEmptyText();
        if (!known.contains(value)) {
            throw node.error("no " + what + " named '" + value + "' (known: " + String.join(", ", known) + ")");
        }
        return value;
    }

    /**
     * @param service  true when the variants are services, which must take the {@code {port}} placeholder
     * @param snippets where a corrected variant's guide snippet id is looked up (null: none can be named)
     */
    static Map<String, VariantSpec> variants(SpecNode node, Map<String, String> shared, Set<String> provided,
                                             boolean service, GuideSnippets snippets) {
        Map<String, VariantSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : node.entries().entrySet()) {
            out.put(name(e.getValue(), e.getKey()), variant(e.getKey(), e.getValue(), shared, provided, service,
                    snippets));
        }
        if (out.isEmpty()) {
            throw node.error("define at least one variant");
        }
        return out;
    }

    private static VariantSpec variant(String name, SpecNode v, Map<String, String> shared, Set<String> provided,
                                       boolean service, GuideSnippets snippets) {
        v.allowOnly("description", "python", "command", "host", "env", "settings", "guide");
        if (v.has("python") == v.has("command")) {
            throw v.error("give exactly one of 'python' (a program of python-targets/) or 'command' (any command line)");
        }
        Map<String, String> settings = new LinkedHashMap<>(shared);
        if (v.has("settings")) {
            settings.putAll(v.get("settings").stringMap());
        }
        SpecNode argvNode = v.has("python") ? v.get("python") : v.get("command");
        List<String> argv = argvNode.isSequence() ? argvNode.stringList()
                : List.of(argvNode.nonEmptyText().split("\\s+"));
        if (argv.isEmpty()) {
            throw argvNode.error("must not be empty");
        }
        checkPlaceholders(argvNode, argv, settings, provided, service);
        TargetLaunch launch = v.has("python") ? new TargetLaunch.Python(argv) : new TargetLaunch.Command(argv);
        String host = Defaults.HOST;
        if (v.has("host")) {
            host = v.get("host").nonEmptyText();
            SpecNode hostNode = v.get("host");
            hostNode.as(LoopbackGuard::requireLoopback);
        }
        Map<String, String> env = v.has("env") ? v.get("env").stringMap() : Map.of();
        GuideCode guide = v.has("guide") ? guide(v.get("guide"), snippets) : null;
        String description = v.has("description") ? v.get("description").nonEmptyText() : "";
        return new VariantSpec(name, description, launch, host, env, settings, guide);
    }

    private static void checkPlaceholders(SpecNode node, List<String> argv, Map<String, String> settings,
                                          Set<String> provided, boolean service) {
        boolean hasPort = false;
        for (String arg : argv) {
            Matcher m = PLACEHOLDER.matcher(arg);
            while (m.find()) {
                String key = m.group(1);
                hasPort |= key.equals("port");
                if (key.equals(UPSTREAM) && !provided.contains(UPSTREAM)) {
                    throw node.error("{upstream} needs a top-level 'upstream: {}' entry in the workload");
                }
                if (DATABASE_PLACEHOLDERS.contains(key) && !provided.contains(key)) {
                    throw node.error("{" + key + "} needs a top-level 'database: postgres' entry in the workload");
                }
                if (!RUNTIME_PLACEHOLDERS.contains(key) && !provided.contains(key) && !settings.containsKey(key)) {
                    throw node.error("unknown placeholder {" + key + "} (use {port}, {host}, {python}, {targets},"
                            + " {java}, {harness-classpath}, {upstream}, {pg-*} or a name from settings)");
                }
            }
        }
        if (service && !hasPort) {
            throw node.error("must contain the {port} placeholder: the harness chooses the port");
        }
    }

    private static GuideCode guide(SpecNode g, GuideSnippets snippets) {
        g.allowOnly("status", "snippet");
        String status = g.get("status").nonEmptyText();
        if (!status.equals(GuideCode.AS_WRITTEN) && !status.equals(GuideCode.CORRECTED)) {
            throw g.get("status").error("must be '" + GuideCode.AS_WRITTEN + "' or '" + GuideCode.CORRECTED + "'");
        }
        if (!status.equals(GuideCode.CORRECTED)) {
            if (g.has("snippet")) {
                throw g.get("snippet").error("only a corrected variant names the guide snippet it corrects");
            }
            return new GuideCode(status, "", "", "");
        }
        if (!g.has("snippet")) {
            throw g.error("a corrected variant must name the guide snippet it corrects ('snippet', an id of "
                    + GuideSnippets.DIR + "/" + GuideSnippets.FILE_NAME + ")");
        }
        SpecNode idNode = g.get("snippet");
        String id = idNode.nonEmptyText();
        GuideSnippet snippet = snippets == null ? null : snippets.get(id);
        if (snippet == null) {
            throw idNode.error(snippets == null
                    ? "no " + GuideSnippets.DIR + "/" + GuideSnippets.FILE_NAME + " found to look '" + id + "' up in"
                    : "unknown snippet '" + id + "' (known: " + String.join(", ", snippets.all().keySet()) + ")");
        }
        return new GuideCode(status, id, snippet.fault(), "");
    }

    /**
     * Fills the placeholders of an argument list from {@code values} (the variant's settings, and
     * {@code upstream} when known); the runtime's own placeholders, and any not in {@code values}, are left.
     */
    public static List<String> applySettings(List<String> argv, Map<String, String> values) {
        List<String> out = new ArrayList<>(argv.size());
        for (String arg : argv) {
            Matcher m = PLACEHOLDER.matcher(arg);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String value = RUNTIME_PLACEHOLDERS.contains(key) || !values.containsKey(key) ? m.group()
                        : values.get(key);
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    static Duration orDefault(SpecNode parent, String key, Duration fallback) {
        return parent != null && parent.has(key) ? parent.get(key).duration() : fallback;
    }

    /**
     * The catalog ids of a {@code claims:} list ({@code C3}). Its other items are claims of the file's own, in
     * claims.yaml's format (mappings), read and validated by the verdict code ({@code ClaimsLoader}).
     */
    private static List<String> catalogIds(SpecNode list) {
        List<String> out = new ArrayList<>();
        for (SpecNode item : list.items()) {
            if (!item.isMapping()) {
                out.add(item.nonEmptyText());
            }
        }
        return out;
    }
}
