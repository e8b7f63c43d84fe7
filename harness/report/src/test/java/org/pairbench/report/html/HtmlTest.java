package org.pairbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textAndAttributesAreEscaped() {
        Html h = new Html().element("a", "<b>&'\"", "href", "x\"><script>").open("i", "title", null).close("i");

        assertThat(h.toString()).isEqualTo(
                "<a href=\"x&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&#39;&quot;</a><i></i>");
    }

    @Test
    void commandLinesQuoteWhatAShellWouldSplit() {
        assertThat(WorkloadSection.commandLine(List.of("python", "-c", "print('hi there')", "--port", "8080")))
                .isEqualTo("python -c 'print('\\''hi there'\\'')' --port 8080");
    }

    @Test
    void numbersUseRootLocaleAndAdaptiveDigits() {
        assertThat(Fmt.msFromUs(85)).isEqualTo("0.085");
        assertThat(Fmt.msFromUs(1234)).isEqualTo("1.23");
        assertThat(Fmt.msFromUs(45_600)).isEqualTo("45.6");
        assertThat(Fmt.msFromUs(1_234_000)).isEqualTo("1234");
        assertThat(Fmt.rate(12_345.6)).isEqualTo("12,346");
        assertThat(Fmt.rate(null)).isEqualTo(Fmt.NONE);
        assertThat(Fmt.cpuMsPer1k(0.00012)).isEqualTo("120.0");
    }
}
