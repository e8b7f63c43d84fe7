package org.pairbench.core.verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration guide's pages as the claims' quotes are checked against them (found by
 * {@link org.pairbench.core.guide.GuideFolder}): the text of one section (from its heading to the
 * next heading of the same or a higher level; markdown headings inside code blocks are code), and the
 * normalisation both sides get: whitespace runs become one space, markdown emphasis ({@code *}, {@code _}) is
 * dropped. Nothing else is forgiven. Test support; stateless.
 */
final class GuidePages {
    private GuidePages() {
    }

    static String normalise(String text) {
        return text.replaceAll("[*_]", "").replaceAll("\\s+", " ").trim();
    }

    /** The normalised text of the section headed {@code heading} of a page, or null when the page has none. */
    static String section(Path page, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<int[]> headings = page.toString().endsWith(".rst") ? rstHeadings(lines) : mdHeadings(lines);
        for (int i = 0; i < headings.size(); i++) {
            int[] h = headings.get(i);
            if (!normalise(title(lines.get(h[0]))).equals(normalise(heading))) {
                continue;
            }
            int end = lines.size();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j)[1] <= h[1]) {
                    end = headings.get(j)[0];
                    break;
                }
            }
            return normalise(String.join("\n", lines.subList(h[0] + 1, end)));
        }
        return null;
    }

    private static String title(String line) {
        return line.replaceFirst("^#+\\s*", "");
    }

    /** {line index, level} of every markdown heading outside fenced code. */
    private static List<int[]> mdHeadings(List<String> lines) {
        List<int[]> out = new ArrayList<>();
        boolean code = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                code = !code;
            } else if (!code && l.matches("#{1,6}\\s.*")) {
                out.add(new int[] {i, l.indexOf(' ')});
            }
        }
        return out;
    }

    /** {line index, level} of every reStructuredText heading (a line underlined with = - # ~ ^), levels by first use. */
    private static List<int[]> rstHeadings(List<String> lines) {
        List<Character> order = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String text = lines.get(i).trim();
            String under = lines.get(i + 1).trim();
            if (!text.isEmpty() && under.length() >= text.length() && under.matches("([=\\-#~^])\\1*")) {
                char c = under.charAt(0);
                if (!order.contains(c)) {
                    order.add(c);
                }
                out.add(new int[] {i, order.indexOf(c) + 1});
            }
        }
        return out;
    }
}
