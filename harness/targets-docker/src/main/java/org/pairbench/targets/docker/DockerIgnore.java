package org.pairbench.targets.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, applied the way the docker CLI applies them when it sends a build
 * context: a pattern matches a path relative to the context root or any of its parent directories, {@code *}
 * and {@code ?} stay within one path segment, {@code **} spans any number of segments (zero included), and a
 * {@code !} line re-includes what an earlier line excluded (the last matching line wins).
 *
 * <p>The harness sends the context itself (see {@link BuildContext}), so it has to honour the file the same way
 * a hand-run {@code docker build python-targets} would. Immutable; any thread.
 */
final class DockerIgnore {
    private record Rule(Pattern pattern, boolean include) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of {@code dir/.dockerignore}; none when the file does not exist. */
    static DockerIgnore of(Path dir) throws IOException {
        Path file = dir.resolve(".dockerignore");
        return Files.exists(file) ? parse(Files.readAllLines(file)) : new DockerIgnore(List.of());
    }

    static DockerIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = clean(include ? line.substring(1).strip() : line);
            if (!pattern.isEmpty()) {
                rules.add(new Rule(Pattern.compile(toRegex(pattern)), include));
            }
        }
        return new DockerIgnore(rules);
    }

    /** True when {@code relativePath} (with '/' separators) is left out of the context. */
    boolean excludes(String relativePath) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.pattern(), relativePath)) {
                excluded = !rule.include();
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(Pattern pattern, String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Leading "/" and "./" mean the context root; a trailing "/" only says it is a directory. */
    private static String clean(String pattern) {
        String p = pattern.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashFollows ? "(?:.*/)?" : ".*"); // "**/" may also match no directory at all
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
