package org.pairbench.console;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Aligns rows of text into columns for the terminal: the summary table and the claims table. Numbers read best
 * right-aligned, words left-aligned; the caller says which columns are which.
 * Stateless.
 */
public final class TextTable {
    private TextTable() {
    }

    /** The rows (the first usually a header), two spaces of indent, trailing blanks trimmed. */
    public static String render(List<String[]> rows, IntPredicate rightAligned) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(' ');
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                sb.append(' ').append(rightAligned.test(i) ? pad + r[i] : r[i] + pad);
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll(" +\n", "\n");
    }
}
