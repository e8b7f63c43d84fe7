package org.pairbench.report.html;

/**
 * A small HTML writer: every text and attribute value goes through {@link #escape}; markup comes only from the tag
 * names and constant strings of this package. Not thread-safe.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Escapes text for element content and quoted attribute values; null becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Opens an element; {@code attributes} are name, value pairs (values escaped, null values skipped). */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** A row of text cells ({@code td}) or header cells ({@code th}). */
    public Html row(String cellTag, String... cells) {
        open("tr");
        for (String cell : cells) {
            element(cellTag, cell);
        }
        return close("tr").newline();
    }

    /** Trusted markup: for this package's constants only (the doctype, the style sheet). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    public Html newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
