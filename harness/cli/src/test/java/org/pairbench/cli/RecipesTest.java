package org.pairbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.run.Shard;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The recipes in {@code docs/recipes/} stay usable: the GitHub Actions workflow passes actionlint, the Kubernetes
 * manifests pass kubernetes-validate (strict: unknown fields refused; the resource schemas ship in its package, so
 * it works offline), and every {@code ./pairbench} command line in them is parsed by today's CLI, so a renamed
 * option breaks this test rather than a user's pipeline. The tools are installed by {@code .ci/run} under
 * {@code ~/.cache/pairbench-tools} ({@code PAIRBENCH_TOOLS} elsewhere); without them the lint is skipped, and with
 * CI=true it fails.
 */
class RecipesTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path RECIPES = PROJECT.resolve("docs/recipes");
    private static final Path WORKFLOW = RECIPES.resolve("github-actions-sharded.yml");
    private static final Pattern COMMAND = Pattern.compile("\\./pairbench\\s+([^;\\n|>&]*)");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @TempDir
    Path tmp;

    private static Path tool(String relative) {
        String dir = System.getenv().getOrDefault("PAIRBENCH_TOOLS",
                System.getProperty("user.home") + "/.cache/pairbench-tools");
        Path p = Path.of(dir, relative);
        boolean ci = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(p)) {
            assertThat(ci).as(p + " is missing: .ci/run installs it").isFalse();
            Assumptions.abort(p + " is not installed (.ci/run installs it); recipe lint skipped");
        }
        return p;
    }

    /** Runs a validator; returns its exit code, its output appended to {@code output}. */
    private static int run(List<String> command, StringBuilder output) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        output.append(new String(p.getInputStream().readAllBytes()));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(RECIPES.resolve("k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theWorkflowPassesActionlintAndABrokenOneDoesNot() throws Exception {
        Path actionlint = tool("bin/actionlint");
        StringBuilder out = new StringBuilder();
        assertThat(run(List.of(actionlint.toString(), WORKFLOW.toString()), out)).as(out.toString()).isZero();
        // the lint can fail: a matrix value the workflow does not define
        Path broken = tmp.resolve("broken.yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replace("matrix.shard }}/", "matrix.shards }}/"));
        StringBuilder bad = new StringBuilder();
        assertThat(run(List.of(actionlint.toString(), broken.toString()), bad)).isNotZero();
        assertThat(bad.toString()).contains("shards");
    }

    @Test
    void theManifestsAreValidKubernetesResourcesAndABrokenOneIsNot() throws Exception {
        Path validate = tool("venv/bin/kubernetes-validate");
        List<String> command = new ArrayList<>(List.of(validate.toString(), "--strict"));
        manifests().forEach(m -> command.add(m.toString()));
        assertThat(manifests()).hasSize(3);
        StringBuilder out = new StringBuilder();
        assertThat(run(command, out)).as(out.toString()).isZero();
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(RECIPES.resolve("k8s/shards-job.yaml"))
                .replace("completionMode: Indexed", "completionMode: Indexed\n  completionIndex: 1"));
        StringBuilder bad = new StringBuilder();
        assertThat(run(List.of(validate.toString(), "--strict", broken.toString()), bad)).as(bad.toString())
                .isNotZero();
    }

    @Test
    void theShardsJobTakesItsShardFromTheCompletionIndex() throws Exception {
        Map<?, ?> job = load(RECIPES.resolve("k8s/shards-job.yaml")).get(0) instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> spec = (Map<?, ?>) job.get("spec");
        assertThat(spec.get("completionMode")).isEqualTo("Indexed");
        assertThat(spec.get("completions")).isEqualTo(spec.get("parallelism"));
        assertThat(Files.readString(RECIPES.resolve("k8s/shards-job.yaml")))
                .contains("JOB_COMPLETION_INDEX + 1").contains("value: \"" + spec.get("completions") + "\"");
    }

    @Test
    void everyPairbenchCommandInTheRecipesParses() throws Exception {
        List<Path> files = new ArrayList<>(manifests());
        files.add(WORKFLOW);
        List<String> verbs = new ArrayList<>();
        for (Path f : files) {
            List<String> strings = new ArrayList<>();
            load(f).forEach(doc -> collect(doc, strings));
            for (String s : strings) {
                Matcher m = COMMAND.matcher(s.replace("\\\n", " "));
                while (m.find()) {
                    List<String> args = words(m.group(1));
                    CommandLine cli = new CommandLine(new PairbenchCommand());
                    var parsed = cli.parseArgs(args.toArray(String[]::new)); // throws on an unknown option
                    verbs.add(args.get(0));
                    if (parsed.subcommand().hasMatchedOption("--shard")) {
                        Shard.parse(parsed.subcommand().matchedOptionValue("--shard", ""));
                    }
                }
            }
        }
        assertThat(verbs).contains("run", "merge", "compare");
    }

    /** Shell words, variables (${{ matrix.shard }}, $shard) standing for 1. */
    private static List<String> words(String line) {
        String expanded = line.replaceAll("\\$\\{\\{[^}]*}}", "1").replaceAll("\\$\\(\\([^)]*\\)\\)", "1")
                .replaceAll("\\$[A-Za-z_][A-Za-z_0-9]*", "1");
        List<String> out = new ArrayList<>();
        Matcher w = WORD.matcher(expanded.strip());
        while (w.find()) {
            out.add(w.group(1) != null ? w.group(1) : w.group(2));
        }
        return out;
    }

    private static List<Object> load(Path file) throws IOException {
        List<Object> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            new Yaml().loadAll(r).forEach(docs::add);
        }
        return docs;
    }

    private static void collect(Object node, List<String> out) {
        if (node instanceof String s) {
            out.add(s);
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, out));
        }
    }
}
