package org.pairbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.core.result.ParityResult;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.result.RunSummary;
import org.pairbench.core.result.Interference;
import org.pairbench.core.result.StepResult;
import org.pairbench.core.result.WorkloadResult;

class ReportRendererTest {
    private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#][^\"]*)\"");

    @TempDir
    Path dir;

    private RunSummary fullRun() throws Exception {
        List<StepResult> steps = new ArrayList<>();
        for (int c : new int[] {1, 4}) {
            String id = "hello-closed-" + c + "c";
            for (int trial = 1; trial <= 2; trial++) {
                StepResult e = ResultsFixture.step("eventlet", trial, id, c, 900.0 * c, true, StepResult.OK, null);
                if (c == 1 && trial == 1) { // retried: its first attempt shared the target's core with a build
                    e = e.withInterference(new Interference("0", "1", 10_000, 900, 880, 20, 9_000, 3_000, 6_000, 0,
                            70, false, null, null, null).retryOf(new Interference("0", "1", 10_000, 900, 880, 20, 9_000,
                            3_000, 6_000, 0, 70, true, "other work on the target's CPUs 60.0% of their time "
                            + "(bound 5%)", null, null)));
                }
                boolean invalid = c == 4 && trial == 1;
                boolean failed = c == 4 && trial == 2;
                StepResult a = ResultsFixture.step("asyncio", trial, id, c, 700.0 * c, !invalid,
                        failed ? StepResult.FAILED : StepResult.OK, failed ? "target exited <137>" : null);
                steps.add(e);
                steps.add(a);
                if (!(c == 1 && trial == 2)) { // eventlet t2 at 1c: hlog missing on purpose
                    ResultsFixture.hlog(dir, e, 0.9 * c);
                }
                ResultsFixture.hlog(dir, a, 0.7 * c);
            }
        }
        WorkloadResult hello = ResultsFixture.workload(ResultsFixture.WORKLOAD, ResultsFixture.parityPassed(), steps,
                List.of(ResultsFixture.failure()));
        WorkloadResult mismatch = ResultsFixture.workload("json-mismatch", new ParityResult(ParityResult.FAILED,
                List.of(ResultsFixture.parityResponse("eventlet")), "body differs: 13 bytes vs 14 bytes"),
                List.of(), List.of());
        return new RunSummary(RunSummary.SCHEMA, "run-1", RunSummary.COMPLETED_WITH_FAILURES, "2025-01-02T03:04:05Z",
                "2025-01-02T03:10:00Z", "smoke", "local", List.of(hello, mismatch));
    }

    @Test
    void aWorkloadNameThatWouldLeaveTheDirectoryIsRefusedAndNothingIsWritten() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        RunSummary run = fullRun();
        WorkloadResult w = run.workloads().get(0);
        RunSummary crafted = new RunSummary(run.schema(), run.runId(), run.status(), run.startedAt(),
                run.finishedAt(), run.suite(), run.runtime(), List.of(new WorkloadResult("../../escaped",
                        w.description(), w.claims(), w.profile(), w.variants(), w.parity(), w.steps(), w.failures())));
        ResultsFixture.write(results, ResultsFixture.run("run-1"), crafted);
        assertThatThrownBy(() -> ReportRenderer.render(results))
                .isInstanceOf(org.pairbench.core.spec.SpecException.class)
                .hasMessageStartingWith(results.resolve("summary.json") + ":")
                .hasMessageContaining(": workloads[0].workload: '../../escaped' cannot be part of a file name");
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(results.resolve("charts")).doesNotExist();
        assertThat(results.resolve("index.html")).doesNotExist();
    }

    @Test
    void everyChartTheHtmlShowsExistsAndEveryTextIsEscaped() throws Exception {
        ResultsFixture.write(dir, ResultsFixture.run("run-1"), fullRun());

        List<Path> written = ReportRenderer.render(dir);

        String html = Files.readString(new ResultLayout(dir).indexHtml());
        assertThat(written).last().isEqualTo(new ResultLayout(dir).indexHtml());
        assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile());
        List<String> images = matches(IMG_SRC, html);
        // two steps x (percentiles + timeline) + one throughput chart + the target's CPU per request and RSS per
        // connection
        assertThat(images).hasSize(7).allSatisfy(src -> assertThat(dir.resolve(decode(src))).isRegularFile());
        assertThat(matches(HREF, html)).isNotEmpty()
                .allSatisfy(href -> assertThat(dir.resolve(decode(href))).isRegularFile());
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("aiohttp &amp; asyncio").contains("Hello, &lt;world&gt;");
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void withoutSvgOnlyPngsAreWrittenAndEveryLinkStillResolves() throws Exception {
        ResultsFixture.write(dir, ResultsFixture.run("run-1"), fullRun());
        ReportRenderer.render(dir); // an earlier rendering with SVGs: they must go

        List<Path> written = ReportRenderer.render(dir, false);

        assertThat(written).noneMatch(p -> p.toString().endsWith(".svg")).hasSize(8); // 7 charts + index.html
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".svg"))).isEmpty();
        }
        String html = Files.readString(new ResultLayout(dir).indexHtml());
        assertThat(html).doesNotContain(".svg");
        assertThat(matches(HREF, html)).isNotEmpty()
                .allSatisfy(href -> assertThat(dir.resolve(decode(href))).isRegularFile());
    }

    @Test
    void failuresInvalidStepsAndMissingDataAreShown() throws Exception {
        ResultsFixture.write(dir, ResultsFixture.run("run-1"), fullRun());

        ReportRenderer.render(dir);

        String html = Files.readString(new ResultLayout(dir).indexHtml());
        assertThat(html).contains("Run completed with failures")
                .contains("target exited during the step").contains("exit code 137")
                .contains("<pre>Traceback (most recent call last):\n  File &quot;&lt;app&gt;&quot;, line 3\n"
                        + "MemoryError: &lt;boom&gt;</pre>")
                .contains("<tr class=\"failed\">").contains("target exited &lt;137&gt;")
                .contains("<tr class=\"invalid\">").contains("INVALID</span>: generator lag p99 12 ms &gt; 1 ms")
                .contains("broken as written").contains("loop.run_until_complete(main)")
                .contains("eventlet trial 2: missing file")
                .contains("asyncio trial 2 did not complete this step: left out.")
                .contains("body differs: 13 bytes vs 14 bytes").contains("This pair was not measured")
                .contains("3.12.3").contains("eventlet").contains("0.36.1").contains("Test CPU @ 3GHz")
                .contains("1-2").contains("0123456789abcdef (with uncommitted changes)")
                .contains("ok; retried, first attempt <span class=\"bad\">DISTURBED</span>: other work on the "
                        + "target&#39;s CPUs 60.0% of their time (bound 5%)")
                .contains("1 of 1 steps DISTURBED");
    }

    @Test
    void summaryFiguresAreFormattedInMillisecondsWithRootLocale() throws Exception {
        ResultsFixture.write(dir, ResultsFixture.run("run-1"), fullRun());

        ReportRenderer.render(dir);

        String html = Files.readString(new ResultLayout(dir).indexHtml());
        // eventlet 4c: p99 3600 us, uncorrected p99 1800 us, 120 CPU-us per request, 50 MiB, 3802 req/s
        assertThat(html).contains("<td class=\"num\">3.60</td>").contains("<td class=\"num\">1.80</td>")
                .contains("<td class=\"num\">120.0</td>").contains("<td class=\"num\">50.0</td>")
                .contains("<td class=\"num\">3,802</td>");
    }

    @Test
    void interruptedRunWithoutRunJsonOrStepsRenders() throws Exception {
        WorkloadResult noSteps = ResultsFixture.workload(ResultsFixture.WORKLOAD, null, List.of(), List.of());
        StepResult noLog = ResultsFixture.step("eventlet", 1, "hello-closed-1c", 1, 900, true, StepResult.OK, null);
        StepResult emptyLatency = new StepResult("asyncio", 1, "hello-closed-1c", "closed", "hello", 1, null, 0, 2,
                null, null, null, null, null, null, null, StepResult.FAILED, null);
        WorkloadResult noLogs = ResultsFixture.workload("no-logs", ResultsFixture.parityPassed(),
                List.of(noLog, emptyLatency), List.of());
        ResultsFixture.write(dir, null, new RunSummary(RunSummary.SCHEMA, "run-2", RunSummary.INTERRUPTED,
                "2025-01-02T03:04:05Z", null, "smoke", "docker", List.of(noSteps, noLogs)));

        List<Path> written = ReportRenderer.render(dir);

        // no .hlog at all: only the summary-based throughput chart, then the page
        assertThat(written).last().isEqualTo(new ResultLayout(dir).indexHtml());
        assertThat(written).noneMatch(p -> p.getFileName().toString().contains("percentiles"));
        String html = Files.readString(new ResultLayout(dir).indexHtml());
        assertThat(html).contains("Run interrupted").contains("run.json is missing.")
                .contains("No step was measured for this workload.").contains("No parity result recorded.")
                .contains("No latency data for step hello-closed-1c").contains("missing file")
                .contains("no latency recorded");
    }

    @Test
    void runJsonAloneRendersAHeader() throws Exception {
        ResultsFixture.write(dir, ResultsFixture.run("run-3"), null);

        ReportRenderer.render(dir);

        assertThat(Files.readString(new ResultLayout(dir).indexHtml())).contains("summary.json is missing.")
                .contains("pairbench run run-3").contains("Run status unknown");
    }

    @Test
    void aDirectoryWithoutResultsIsRefused() {
        assertThatThrownBy(() -> ReportRenderer.render(dir)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void reRenderingOverwritesTheSameFiles() throws Exception {
        ResultsFixture.write(dir, ResultsFixture.run("run-1"), fullRun());

        List<Path> first = ReportRenderer.render(dir);
        List<Path> second = ReportRenderer.render(dir);

        assertThat(second).containsExactlyElementsOf(first);
        assertThat(Files.readString(new ResultLayout(dir).indexHtml())).contains("pairbench run run-1");
    }

    private static List<String> matches(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String decode(String url) {
        return URLDecoder.decode(url.replace("&amp;", "&"), StandardCharsets.UTF_8);
    }
}
