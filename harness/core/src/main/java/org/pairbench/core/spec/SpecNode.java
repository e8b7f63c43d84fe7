package org.pairbench.core.spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a spec file that remembers where it came from (file, line, dotted field path), so that every
 * validation error can name all three. Wraps SnakeYAML's composed node tree, which keeps source marks, rather
 * than a data-bound object, which would lose them. Accessors are strict: unknown keys, wrong types and missing
 * required fields all throw {@link SpecException}. Not thread-safe; used once while loading a file.
 */
public final class SpecNode {
    private final Path file;
    private final Node node;
    private final String path;
    /** Line of the key for a mapping value (errors point at the key); 0 for list items and the root. */
    private final int keyLine;

    private SpecNode(Path file, Node node, String path, int keyLine) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.keyLine = keyLine;
    }

    /** Reads and composes a YAML file; syntax errors become {@link SpecException}s with the line. */
    public static SpecNode load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file, 0, "", "file not found");
        } catch (IOException e) {
            throw new SpecException(file, 0, "", "cannot read: " + e.getMessage());
        }
        return parse(file, new java.io.StringReader(text));
    }

    static SpecNode parse(Path file, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new SpecException(file, mark == null ? 0 : mark.getLine() + 1, "",
                    "YAML syntax: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new SpecException(file, 0, "", "YAML syntax: " + e.getMessage());
        }
        if (root == null) {
            throw new SpecException(file, 1, "", "file is empty");
        }
        SpecNode top = new SpecNode(file, root, "", 0);
        top.requireMapping();
        return top;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of this field's key, or where this node starts when it is a list item or the root. */
    public int line() {
        return keyLine > 0 ? keyLine : node.getStartMark().getLine() + 1;
    }

    /** Dotted path of this node from the document root. */
    public String path() {
        return path;
    }

    /** An error located at this node. */
    public SpecException error(String problem) {
        return new SpecException(file, line(), path, problem);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    private MappingNode requireMapping() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value lines)");
        }
        return m;
    }

    /** The entries of this mapping in file order; duplicate keys are refused. */
    public Map<String, SpecNode> entries() {
        Map<String, SpecNode> out = new LinkedHashMap<>();
        for (NodeTuple tuple : requireMapping().getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new SpecException(file, tuple.getKeyNode().getStartMark().getLine() + 1, path,
                        "keys must be plain names");
            }
            String key = keyNode.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (out.containsKey(key)) {
                throw new SpecException(file, keyNode.getStartMark().getLine() + 1, childPath, "duplicate key");
            }
            out.put(key, new SpecNode(file, tuple.getValueNode(), childPath, keyNode.getStartMark().getLine() + 1));
        }
        return out;
    }

    /** Refuses keys other than the given ones, which catches typos such as {@code durration}. */
    public SpecNode allowOnly(String... keys) {
        Set<String> allowed = new TreeSet<>(Arrays.asList(keys));
        for (Map.Entry<String, SpecNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown field (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return entries().containsKey(key);
    }

    /** A required child. */
    public SpecNode get(String key) {
        SpecNode child = entries().get(key);
        if (child == null) {
            throw new SpecException(file, line(), path.isEmpty() ? key : path + "." + key, "required field is missing");
        }
        return child;
    }

    /** An optional child, or null. */
    public SpecNode find(String key) {
        return entries().get(key);
    }

    public List<SpecNode> items() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list");
        }
        List<SpecNode> out = new ArrayList<>();
        List<Node> values = seq.getValue();
        for (int i = 0; i < values.size(); i++) {
            out.add(new SpecNode(file, values.get(i), path + "[" + i + "]", 0));
        }
        return out;
    }

    /** A list, or a single scalar taken as a list of one ({@code connections: 16} or {@code [1, 16]}). */
    public List<SpecNode> itemsOrSingle() {
        return isSequence() ? items() : List.of(this);
    }

    public String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    public String nonEmptyText() {
        String t = text().trim();
        if (t.isEmpty()) {
            throw error("must not be empty");
        }
        return t;
    }

    /** Converts this scalar, turning a conversion failure into an error located here. */
    public <T> T as(Function<String, T> parser) {
        String t = text();
        try {
            return parser.apply(t);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    public int positiveInt() {
        int value = as(t -> {
            try {
                return Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "' is not a whole number");
            }
        });
        if (value <= 0) {
            throw error("must be a positive whole number");
        }
        return value;
    }

    public Duration duration() {
        Duration d = as(Units::parseDuration);
        if (d.isZero() && !path.endsWith("warmup")) {
            throw error("must be longer than zero");
        }
        return d;
    }

    public double ratePerSec() {
        return as(Units::parseRatePerSec);
    }

    public boolean bool() {
        return as(t -> switch (t.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + t + "' is not true or false");
        });
    }

    /** A list of strings, or one string taken as a list of one. */
    public List<String> stringList() {
        List<String> out = new ArrayList<>();
        for (SpecNode item : itemsOrSingle()) {
            out.add(item.text());
        }
        return out;
    }

    /** A mapping of plain string values ({@code env:}). */
    public Map<String, String> stringMap() {
        Map<String, String> out = new LinkedHashMap<>();
        entries().forEach((k, v) -> out.put(k, v.text()));
        return out;
    }
}
