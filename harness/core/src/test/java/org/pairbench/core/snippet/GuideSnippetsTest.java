package org.pairbench.core.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.guide.GuideFolder;
import org.pairbench.core.spec.SpecException;

/**
 * The shipped guide snippets: each file holds the guide's text exactly as written, on the page and under the
 * section it names (the pages are beside the clone, {@code ../shared/guide}: without them this part fails in CI
 * and is skipped elsewhere), every snippet has a driver, and the catalog's errors name file, line and field.
 */
class GuideSnippetsTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern HEADING = Pattern.compile("#{1,6} .+");

    @TempDir
    Path dir;

    @Test
    void everySnippetIsOnItsPageVerbatimUnderTheSectionItNames() throws IOException {
        Path guide = GuideFolder.required(PROJECT, "the snippets");
        List<String> problems = new ArrayList<>();
        GuideSnippets snippets = GuideSnippets.ofProject(PROJECT);
        assertThat(snippets.all()).hasSizeGreaterThanOrEqualTo(12);
        for (GuideSnippet s : snippets.all().values()) {
            String page = Files.readString(guide.resolve(s.page()));
            String text = Files.readString(s.file());
            // a .txt snippet is prose: one line of the page, its newline is the file's end
            int at = page.indexOf(text);
            if (at < 0) {
                problems.add(s.id() + ": " + s.file().getFileName() + " is not on " + s.page() + " as written");
                continue;
            }
            if (page.indexOf(text, at + 1) >= 0) {
                problems.add(s.id() + ": " + s.file().getFileName() + " is on " + s.page() + " more than once");
            }
            String heading = null;
            boolean code = false; // a "# comment" in a code block is not a heading
            for (String line : page.substring(0, at).split("\n")) {
                if (line.startsWith("```")) {
                    code = !code;
                } else if (!code && HEADING.matcher(line).matches()) {
                    heading = line.replaceFirst("^#+ ", "").trim();
                }
            }
            if (!s.section().equals(heading)) {
                problems.add(s.id() + ": under '" + heading + "' on " + s.page() + ", not '" + s.section() + "'");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySnippetHasADriverAndEveryDriverASnippet() throws IOException {
        GuideSnippets snippets = GuideSnippets.ofProject(PROJECT);
        String drivers = Files.readString(snippets.dir().resolve("drivers.py"));
        String table = drivers.substring(drivers.indexOf("DRIVERS = {"));
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("\"((?:AS|DE)/[a-z0-9-]+)\":").matcher(table);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).isEqualTo(snippets.all().keySet());
    }

    @Test
    void aSnippetFileMustHoldItsFaultAndErrorsNameTheLine() throws IOException {
        Files.writeString(dir.resolve("a.py"), "import eventlet\neventlet.use_hub('asyncio')\n");
        String entry = """
                snippets:
                  AS/use-hub:
                    file: a.py
                    section: Steps to Migrate
                    fault: "eventlet.hubs.use_hub('asyncio')"
                    harness: runs it
                    expect: {outcome: raised, type: AttributeError, pattern: use_hub}
                """;
        Path yaml = dir.resolve("snippets.yaml");
        Files.writeString(yaml, entry);
        assertThatThrownBy(() -> GuideSnippets.load(yaml)).isInstanceOf(SpecException.class)
                .hasMessageContaining("snippets.yaml:5: snippets.AS/use-hub.fault: 'eventlet.hubs.use_hub('asyncio')'"
                        + " is not in a.py");
        Files.writeString(yaml, entry.replace("file: a.py", "file: b.py"));
        assertThatThrownBy(() -> GuideSnippets.load(yaml)).hasMessageContaining("snippets.yaml:3: ")
                .hasMessageContaining("file: no file 'b.py'");
        Files.writeString(yaml, entry.replace("AS/use-hub:", "XX/use-hub:"));
        assertThatThrownBy(() -> GuideSnippets.load(yaml)).hasMessageContaining("AS/<name> or DE/<name>");
        Files.writeString(yaml, entry.replace("eventlet.hubs.use_hub", "eventlet.use_hub").replace("type: AttributeError", "type: \"\""));
        assertThatThrownBy(() -> GuideSnippets.load(yaml)).hasMessageContaining("snippets.yaml:7: ")
                .hasMessageContaining("name the exception it raises");
        Files.writeString(yaml, entry.replace("eventlet.hubs.use_hub", "eventlet.use_hub"));
        GuideSnippet s = GuideSnippets.load(yaml).get("AS/use-hub");
        assertThat(s.page()).isEqualTo("migrating-to-asyncio.md");
        assertThat(s.needsPostgres()).isFalse();
    }

    @Test
    void aResultIsJudgedAgainstTheExpectation() {
        GuideSnippet.Expectation raises = new GuideSnippet.Expectation(SnippetResult.RAISED, "AttributeError",
                Pattern.compile("no attribute 'use_hub'"));
        SnippetResult same = result(SnippetResult.RAISED, "AttributeError",
                "module 'eventlet' has no attribute 'use_hub'", "").judged(raises);
        assertThat(same.expected()).isTrue();
        assertThat(same.mismatch()).isNull();
        assertThat(same.error()).isEqualTo("AttributeError: module 'eventlet' has no attribute 'use_hub'");

        SnippetResult fixed = result(SnippetResult.RAN, "", "", "").judged(raises);
        assertThat(fixed.expected()).isFalse();
        assertThat(fixed.mismatch()).isEqualTo("expected it to have raised AttributeError, but it ran (ran without an error)");

        SnippetResult other = result(SnippetResult.RAISED, "ImportError", "cannot import name", "").judged(raises);
        assertThat(other.mismatch()).startsWith("expected AttributeError, but it raised ImportError");

        SnippetResult otherText = result(SnippetResult.RAISED, "AttributeError", "no attribute 'x'", "").judged(raises);
        assertThat(otherText.mismatch()).contains("in the message, but got: no attribute 'x'");

        GuideSnippet.Expectation runs = new GuideSnippet.Expectation(SnippetResult.RAN, "",
                Pattern.compile("Server: Werkzeug/"));
        SnippetResult served = result(SnippetResult.RAN, "", "", "answered with 'Server: Werkzeug/3.1.9'").judged(runs);
        assertThat(served.expected()).isTrue();
        assertThat(served.error()).isEqualTo("no exception: answered with 'Server: Werkzeug/3.1.9'");

        SnippetResult notRun = new SnippetResult("AS/x", SnippetResult.NOT_RUN, "", "no PostgreSQL", "", "", "",
                List.of(), 0, false, null).judged(runs);
        assertThat(notRun.expected()).isFalse();
        assertThat(notRun.mismatch()).isNull();
        assertThat(notRun.error()).isEqualTo("not-run: no PostgreSQL");
    }

    private static SnippetResult result(String outcome, String type, String message, String observed) {
        return new SnippetResult("AS/use-hub", outcome, type, message, "", "", observed, List.of(), 1, false, null);
    }
}
